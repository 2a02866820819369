import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useMemo, useState, useSyncExternalStore } from "react";
import type { LiveModel } from "../runtime/liveModel";
import type { Applied, WorkbookHost } from "./host";
import { type Change, type Notice, type Pane, PaneContext, type TabName } from "./pane";
import { PlanStore, unplannedMessage } from "./planStore";
import { VIEWS } from "./views";
import { ProblemList } from "./views/Problems";
import { SetupButton } from "./views/Settings";

const useStyles = makeStyles({
  pane: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, minWidth: "300px" },
  header: { display: "flex", alignItems: "baseline", justifyContent: "space-between" },
});

interface Running {
  label: string;
  done: number;
  total: number;
}

export function App({ host, live }: { host: WorkbookHost; live: LiveModel }) {
  const store = useMemo(() => new PlanStore(live), [live]);
  const state = useSyncExternalStore(store.subscribe, store.snapshot);
  const styles = useStyles();
  const [tab, setTab] = useState<TabName>("home");
  const [item, setItem] = useState<string | undefined>();
  const [notice, notify] = useState<Notice | null>(null);
  const [running, setRunning] = useState<Running | null>(null);

  const write = useCallback(
    async (change: Change, done: string, title = "Done"): Promise<Applied | null> => {
      if (!change.ok) {
        notify({ intent: "error", title: "Not done", text: change.reason });
        return null;
      }
      const label = done;
      try {
        if (change.sheets?.length) {
          setRunning({ label: "Writing to the workbook…", done: 0, total: 1 });
          await host.writeSheets(change.sheets, (d, total) =>
            setRunning({ label: `Writing to the workbook: ${d.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} rows`, done: d, total }),
          );
        }
        const applied = change.writes && (change.writes.append.length || change.writes.cells.length) ? await host.apply(change.writes) : { appendedRows: [] };
        const told = (await change.then?.(applied)) ?? label;
        await store.refresh();
        notify(typeof told === "string" ? { intent: "success", title, text: told } : told);
        return applied;
      } catch (error) {
        notify({ intent: "error", title: "The workbook did not take the change", text: error instanceof Error ? error.message : String(error) });
        return null;
      } finally {
        setRunning(null);
      }
    },
    [host, store],
  );

  const open = useCallback((next: TabName, key?: string) => {
    setTab(next);
    if (key !== undefined) setItem(key);
  }, []);

  let body;
  if (!state.ok && state.kind === "loading") body = <Spinner label="Reading the workbook…" />;
  else if (!state.ok) {
    body = (
      <>
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Nothing can be planned yet</MessageBarTitle>
            {unplannedMessage(state)}
          </MessageBarBody>
        </MessageBar>
        <SetupButton host={host} write={write} />
        <ProblemList problems={state.problems} host={host} notify={notify} />
      </>
    );
  } else {
    const pane: Pane = { host, live, state, item, notify, write, open };
    const { label, View } = VIEWS.find((v) => v.name === tab) ?? VIEWS[0];
    body = (
      <PaneContext.Provider value={pane}>
        <TabList selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as TabName)} size="small" aria-label="Planster views">
          {VIEWS.map((t) => (
            <Tab key={t.name} value={t.name}>
              {t.label}
            </Tab>
          ))}
        </TabList>
        <div role="tabpanel" aria-label={label}>
          <View />
        </div>
      </PaneContext.Provider>
    );
  }

  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.pane} aria-label="Planster">
        <div className={styles.header}>
          <Text as="h1" weight="semibold" size={500}>
            Planster
          </Text>
        </div>
        <div aria-live="polite">
          {notice && (
            <MessageBar intent={notice.intent} data-testid="notice">
              <MessageBarBody>
                <MessageBarTitle>{notice.title}</MessageBarTitle>
                {notice.text}
              </MessageBarBody>
              <MessageBarActions
                containerAction={
                  <Button appearance="transparent" aria-label="Dismiss" onClick={() => notify(null)}>
                    ✕
                  </Button>
                }
              />
            </MessageBar>
          )}
          {running && <ProgressBar value={running.total ? running.done / running.total : undefined} aria-label={running.label} />}
          {running && <Text size={200}>{running.label}</Text>}
        </div>
        {body}
      </main>
    </FluentProvider>
  );
}
