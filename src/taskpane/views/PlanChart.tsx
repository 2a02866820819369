import { tokens } from "@fluentui/react-components";
import type { ItemPlan } from "../../core/plan";
import { qty } from "../format";
import { CHART, useChartStyles, WeekLabels } from "./chartFrame";

const { W, H, PAD } = CHART;

/** Projected stock (line) against safety stock (dashed) by week, with zero marked. */
export function PlanChart({ plan }: { plan: ItemPlan }) {
  const styles = useChartStyles();
  const weeks = plan.projected.length - 1;
  const ss = plan.item.safetyStock;
  const values = Array.from(plan.projected.subarray(1));
  const top = Math.max(ss, 0, ...values);
  const bottom = Math.min(0, ...values);
  const span = top - bottom || 1;
  const x = (w: number) => PAD.left + ((w - 1) / Math.max(weeks - 1, 1)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + ((top - v) / span) * (H - PAD.top - PAD.bottom);
  const points = values.map((v, i) => `${x(i + 1).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
  let lowest = 1;
  values.forEach((v, i) => v < values[lowest - 1] && (lowest = i + 1));
  const summary = `Projected stock against safety stock ${qty(ss)}, weeks 1 to ${weeks}: lowest ${qty(values[lowest - 1] ?? 0)} in week ${lowest}.`;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} data-testid="plan-chart" className={styles.chart}>
      <title>{summary}</title>
      <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} stroke={tokens.colorNeutralStroke1} />
      <line x1={PAD.left} x2={W - PAD.right} y1={y(ss)} y2={y(ss)} stroke={tokens.colorPaletteRedForeground1} strokeDasharray="4 3" data-testid="chart-safety" />
      <polyline points={points} fill="none" stroke={tokens.colorBrandForeground1} strokeWidth={2} data-testid="chart-projected" />
      {values.map((v, i) => (
        <circle key={i} cx={x(i + 1)} cy={y(v)} r={2} fill={v < ss ? tokens.colorPaletteRedForeground1 : tokens.colorBrandForeground1} />
      ))}
      <text x={PAD.left - 4} y={y(top) + 4} fontSize={9} textAnchor="end">
        {qty(top)}
      </text>
      <text x={PAD.left - 4} y={y(bottom) + 4} fontSize={9} textAnchor="end">
        {qty(bottom)}
      </text>
      {/* On the right, above its line: on the left it would sit on the axis' own labels. */}
      <text x={W - PAD.right} y={y(ss) - 3} fontSize={9} textAnchor="end" fill={tokens.colorPaletteRedForeground1} className={styles.halo}>
        safety stock {qty(ss)}
      </text>
      <WeekLabels weeks={weeks} week1={PAD.left} />
    </svg>
  );
}
