import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useRef } from "react";

const useStyles = makeStyles({
  bar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  file: { display: "none" },
  status: { flexBasis: "24rem", flexGrow: 1, color: tokens.colorNeutralForeground2 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export interface BarState {
  /** The workbook shown. */
  name: string;
  /** What the page says about it: kept, restored, not kept, could not be read. */
  status: string;
  error?: boolean;
  /** When the workbook was last kept in the browser (for tests: it changes after each save). */
  keptAt?: string;
}

export interface BarActions {
  open(file: File): void;
  download(): void;
  startOver(): void;
}

/** The demo page's own controls, above the pane and the grid: the workbook's file, and whether changes are kept. */
export function DemoBar({ state, actions }: { state: BarState; actions: BarActions }) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className={styles.bar} role="toolbar" aria-label="Demo workbook">
      <Text weight="semibold">Planster demo</Text>
      <Text data-testid="demo-book">{state.name}</Text>
      <input
        ref={input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label="Open workbook…"
        className={styles.file}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) actions.open(file);
        }}
      />
      <Button size="small" appearance="primary" onClick={() => input.current?.click()}>
        Open workbook…
      </Button>
      <Button size="small" onClick={actions.download}>
        Download workbook
      </Button>
      <Button size="small" onClick={actions.startOver} title="Forget the workbook kept in this browser and open the sample again">
        Start over
      </Button>
      <Text size={200} className={state.error ? styles.error : styles.status} data-testid="demo-status" data-kept-at={state.keptAt} role="status">
        {state.status}
      </Text>
    </div>
  );
}
