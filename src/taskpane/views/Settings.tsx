import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import { setupSheets } from "../../core/setup";
import { settingsShown } from "../../core/settings";
import type { WorkbookHost } from "../host";
import { type Change, usePane } from "../pane";
import { IntegrationSettings } from "./IntegrationSettings";

export function Settings() {
  const { state, host, write } = usePane();
  const rows = settingsShown(state.model.settings);
  return (
    <section aria-labelledby="settings-title">
      <Text as="h2" id="settings-title" weight="semibold" size={400} block>
        Settings of this workbook
      </Text>
      <Text size={200} block>
        Change them on the Settings sheet; blank values take the defaults.
      </Text>
      <Table size="small" aria-label="Settings in effect">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Setting</TableHeaderCell>
            <TableHeaderCell>Value</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map(([name, value]) => (
            <TableRow key={name}>
              <TableCell>{name}</TableCell>
              <TableCell>{value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <IntegrationSettings workbookUrl={state.model.settings.integrationUrl} />
      <Text as="h3" weight="semibold" block style={{ marginTop: 12 }}>
        Workbook
      </Text>
      <SetupButton host={host} write={write} />
    </section>
  );
}

/** Adds every missing Planster sheet as a table with headers, formats and dropdowns; sheets already there are left alone. */
export function SetupButton({ host, write }: { host: WorkbookHost; write: (change: Change, done: string) => Promise<unknown> }) {
  const create = async () => {
    const setup = setupSheets(await host.read());
    await write(setup, setup.ok ? setup.told : "");
  };
  return <Button onClick={() => void create()}>Create Planster sheets</Button>;
}
