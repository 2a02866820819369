import { Button, Field, Input, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useState } from "react";
import { sameEndpoint } from "../../core/orders/endpoint";
import { isIntegrationUrl } from "../../core/settings";
import { storedEndpoint, storeEndpoint } from "../orders";
import { usePane } from "../pane";
import { useShared } from "../styles";

/**
 * The integration as this machine keeps it: the URL signed orders go to and its
 * key, stored together in the add-in's storage, never in the workbook. The
 * workbook's own Integration URL is shown beside it, never copied into it: a
 * shared workbook must not choose where this buyer's signed orders go.
 */
export function IntegrationSettings({ workbookUrl }: { workbookUrl: string }) {
  const { host, notify } = usePane();
  const shared = useShared();
  const [stored, setStored] = useState(() => storedEndpoint(host.secrets));
  const [url, setUrl] = useState("");
  const [key, setKey] = useState("");
  const urlProblem = url.trim() && !isIntegrationUrl(url.trim()) ? "Use an https: address (http: only to this machine)." : undefined;
  const save = (endpoint: { url: string; key: string } | null) => {
    storeEndpoint(host.secrets, endpoint);
    setStored(endpoint ?? undefined);
    setUrl("");
    setKey("");
    notify({
      intent: "success",
      title: "Saved",
      text:
        endpoint === null
          ? "The integration was removed from this machine."
          : `Orders go to ${endpoint.url}, signed with the key kept on this machine only, never in the workbook.`,
    });
  };
  const mismatch = stored && workbookUrl && !sameEndpoint(stored.url, workbookUrl);
  return (
    <section aria-label="Integration" className={shared.stack}>
      <Text as="h3" weight="semibold" block className={shared.subheading}>
        Integration
      </Text>
      <Text size={200} block data-testid="integration-stored">
        {stored ? `On this machine: orders are sent to ${stored.url} (a key is stored).` : "No integration is stored on this machine."}
      </Text>
      {mismatch ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            This workbook&apos;s Integration URL is {workbookUrl}, not the one stored here: its orders are not sent. Store that address only if it is your company&apos;s
            integration.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Field label="Integration URL on this machine" validationMessage={urlProblem}>
        <Input value={url} onChange={(_, d) => setUrl(d.value)} placeholder="https://erp.example.com/orders" autoComplete="off" />
      </Field>
      <Field label="Key for signing orders sent to that URL">
        <Input type="password" value={key} onChange={(_, d) => setKey(d.value)} autoComplete="off" />
      </Field>
      <div className={shared.row}>
        <Button appearance="primary" disabled={!url.trim() || !!urlProblem || !key.trim()} onClick={() => save({ url: url.trim(), key: key.trim() })}>
          Save integration
        </Button>
        <Button disabled={!stored} onClick={() => save(null)}>
          Remove integration
        </Button>
      </div>
    </section>
  );
}
