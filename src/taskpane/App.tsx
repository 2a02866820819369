import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  PortalMountNodeProvider,
  ProgressBar,
  Spinner,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useMemo, useState, useSyncExternalStore } from "react";
import type { LiveModel } from "../runtime/liveModel";
import { plural, qty, sentence } from "./format";
import type { Applied, WorkbookHost } from "./host";
import { type Change, type Notice, type Pane, PaneContext, type TabName } from "./pane";
import { PlanStore, unplannedMessage } from "./planStore";
import { VIEWS } from "./views";
import { ViewTabs } from "./ViewTabs";
import { ProblemList } from "./views/Problems";
import { SetupButton } from "./views/Settings";

const useStyles = makeStyles({
  /*
   * The pane fills its host's box (Excel's task pane, or the demo's) and scrolls inside
   * it. The transform makes that box the frame of dialogs and menus, which mount in it:
   * in the demo they open over the pane, as they do in Excel, not over the whole page.
   */
  provider: { height: "100%" },
  root: {
    height: "100%",
    position: "relative",
    transform: "translateZ(0)",
    display: "flex",
    flexDirection: "column",
    overflow: "hidden",
  },
  scroller: { flexGrow: 1, minHeight: 0, overflowY: "auto" },
  pane: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXL}`,
    minWidth: 0,
    // Long SKUs, URLs and addresses break rather than push the pane sideways.
    overflowWrap: "anywhere",
    // Headings sit in the views' own spacing.
    "& h2, & h3": { margin: 0 },
  },
  // Excel's task pane shows the add-in's name in its own title bar: the heading is for screen readers.
  title: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

interface Running {
  label: string;
  done: number;
  total: number;
}

export function App({ host, live }: { host: WorkbookHost; live: LiveModel }) {
  const store = useMemo(() => new PlanStore(live), [live]);
  const state = useSyncExternalStore(store.subscribe, store.snapshot);
  const forecasting = useSyncExternalStore(
    useCallback((listener: () => void) => live.onForecastProgress(listener), [live]),
    () => live.forecastProgress,
  );
  const styles = useStyles();
  const [tab, setTab] = useState<TabName>("home");
  const [item, setItem] = useState<string | undefined>();
  const [notice, notify] = useState<Notice | null>(null);
  const [running, setRunning] = useState<Running | null>(null);
  const [overlays, setOverlays] = useState<HTMLElement | null>(null);

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
          await host.writeSheets(change.sheets, (d, total) => setRunning({ label: `Writing to the workbook: ${qty(d)} of ${plural(total, "row")}`, done: d, total }));
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
        <ViewTabs selected={tab} onSelect={setTab} />
        <div role="tabpanel" aria-label={label}>
          <View />
        </div>
      </PaneContext.Provider>
    );
  }

  // Portals mount inside the pane and inherit its theme from there: the provider's own class (its size) must not be copied onto them.
  return (
    <FluentProvider theme={webLightTheme} className={styles.provider} applyStylesToPortals={false} data-pane="">
      <div className={styles.root}>
        <PortalMountNodeProvider value={overlays ?? undefined}>
          <div className={styles.scroller} data-pane-scroller="">
            <main className={styles.pane} aria-label="Planster">
              <Text as="h1" className={styles.title}>
                Planster
              </Text>
              <div aria-live="polite">
                {notice && (
                  <MessageBar intent={notice.intent} data-testid="notice">
                    <MessageBarBody>
                      <MessageBarTitle>{sentence(notice.title)}</MessageBarTitle>
                      {sentence(notice.text)}
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
                {forecasting && (
                  <>
                    <ProgressBar value={forecasting.done / forecasting.total} aria-label="Forecasting demand from Sales History" data-testid="forecast-progress" />
                    <Text size={200}>
                      Forecasting demand from Sales History: {qty(forecasting.done)} of {plural(forecasting.total, "item-location")}
                    </Text>
                  </>
                )}
              </div>
              {body}
            </main>
          </div>
          <div ref={setOverlays} />
        </PortalMountNodeProvider>
      </div>
    </FluentProvider>
  );
}
