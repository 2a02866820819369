import { makeStyles, tokens } from "@fluentui/react-components";

/** The pane's charts draw in one frame: a 320 × 130 view box, scaled to the pane's width. */
export const CHART = { W: 320, H: 130, PAD: { left: 36, right: 8, top: 8, bottom: 18 } } as const;

export const useChartStyles = makeStyles({
  chart: { display: "block", width: "100%", maxWidth: "480px" },
  // A label over the lines stays readable: the background's colour drawn around its letters first.
  halo: { paintOrder: "stroke", stroke: tokens.colorNeutralBackground1, strokeWidth: "3px", strokeLinejoin: "round" },
});

/** The labels under a chart's plan weeks: week 1 where it is drawn (centred on it, or starting there), the last week at the right. */
export function WeekLabels({ weeks, week1, centred, className }: { weeks: number; week1: number; centred?: boolean; className?: string }) {
  const { W, H, PAD } = CHART;
  return (
    <>
      <text x={week1} y={H - 4} fontSize={9} textAnchor={centred ? "middle" : "start"} className={className}>
        week 1
      </text>
      <text x={W - PAD.right} y={H - 4} fontSize={9} textAnchor="end">
        week {weeks}
      </text>
    </>
  );
}
