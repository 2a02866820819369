import { tokens } from "@fluentui/react-components";
import { demandSourceOf } from "../../core/demand";
import type { ItemLocation } from "../../core/model";
import type { Settings } from "../../core/settings";
import { qty } from "../format";
import { CHART, useChartStyles, WeekLabels } from "./chartFrame";

const { W, H, PAD } = CHART;
/** History weeks drawn before the plan: a year shows the season the forecast follows. */
const SHOWN = 52;

/** Runs of consecutive slots where `value` is a number, as SVG points. */
function runs(count: number, value: (slot: number) => number, x: (slot: number) => number, y: (v: number) => number): string[] {
  const out: string[] = [];
  let points: string[] = [];
  for (let s = 0; s <= count; s++) {
    const v = s < count ? value(s) : NaN;
    if (v === v) points.push(`${x(s).toFixed(1)},${y(v).toFixed(1)}`);
    else if (points.length > 0) {
      out.push(points.join(" "));
      points = [];
    }
  }
  return out;
}

/**
 * The last year of sales (grey; weeks censored by a stockout left out and marked)
 * next to the demand the plan uses, week by week (blue), and the 10–90 % band of the
 * weeks forecast from Sales History.
 */
export function ForecastChart({ item, settings }: { item: ItemLocation; settings: Settings }) {
  const styles = useChartStyles();
  const history = item.inputs.history;
  const weeks = settings.horizonWeeks;
  const shown = history ? Math.min(SHOWN, -history.firstWeek) : 0;
  const slots = shown + weeks;
  /** Sales of history week −j at slot shown − j; NaN when censored. */
  const sold = (slot: number): number => (slot < shown && history ? history.weeks[slot - shown - history.firstWeek] : NaN);
  const planWeek = (slot: number) => slot - shown + 1;
  const banded = (slot: number) => slot >= shown && demandSourceOf(item, planWeek(slot)) === "sales-history" && item.forecast !== undefined;
  const demand = (slot: number) => (slot >= shown ? item.demand[planWeek(slot)] : NaN);
  const low = (slot: number) => (banded(slot) ? item.forecast!.low[planWeek(slot) - 1] : NaN);
  const high = (slot: number) => (banded(slot) ? item.forecast!.high[planWeek(slot) - 1] : NaN);
  let top = 0;
  let soldSum = 0;
  let soldWeeks = 0;
  const censored: number[] = [];
  for (let s = 0; s < slots; s++) {
    for (const v of [sold(s), demand(s), high(s)]) if (v > top) top = v;
    if (s < shown) {
      const v = sold(s);
      if (v === v) [soldSum, soldWeeks] = [soldSum + v, soldWeeks + 1];
      else censored.push(s);
    }
  }
  const span = top || 1;
  const x = (s: number) => PAD.left + (s / Math.max(slots - 1, 1)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + ((top - v) / span) * (H - PAD.top - PAD.bottom);
  const lows = runs(slots, low, x, y);
  // low and high are numbers in the same weeks: each run of the band is its upper edge, then its lower one back.
  const band = runs(slots, high, x, y).map((upper, i) => `${upper} ${lows[i].split(" ").reverse().join(" ")}`);
  let demandSum = 0;
  for (let w = 1; w <= weeks; w++) demandSum += item.demand[w];
  const past =
    shown > 0
      ? `sales of the last ${shown} weeks (${qty(soldWeeks ? soldSum / soldWeeks : 0)} a week on average${censored.length ? `, ${censored.length} censored by stockouts` : ""}), `
      : "";
  const summary = `Demand: ${past}and the demand of weeks 1 to ${weeks} the plan uses (${qty(demandSum / weeks)} a week on average)${band.length ? ", with the forecast's 10–90 % band" : ""}.`;
  const divider = shown > 0 ? (x(shown - 1) + x(shown)) / 2 : undefined;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} data-testid="forecast-chart" className={styles.chart}>
      <title>{summary}</title>
      <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} stroke={tokens.colorNeutralStroke1} />
      {band.map((points, i) => (
        <polygon key={i} points={points} fill={tokens.colorBrandBackground2} stroke="none" data-testid="chart-band" />
      ))}
      {runs(slots, sold, x, y).map((points, i) => (
        <polyline key={i} points={points} fill="none" stroke={tokens.colorNeutralForeground3} strokeWidth={1.5} data-testid="chart-history" />
      ))}
      {censored.map((s) => (
        <text key={s} x={x(s)} y={y(0) - 2} fontSize={8} textAnchor="middle" fill={tokens.colorPaletteDarkOrangeForeground1} data-testid="chart-censored">
          ×
        </text>
      ))}
      {runs(slots, demand, x, y).map((points, i) => (
        <polyline key={i} points={points} fill="none" stroke={tokens.colorBrandForeground1} strokeWidth={2} data-testid="chart-demand" />
      ))}
      {divider !== undefined && <line x1={divider} x2={divider} y1={PAD.top} y2={y(0)} stroke={tokens.colorNeutralStroke2} strokeDasharray="2 2" />}
      <text x={PAD.left - 4} y={y(top) + 4} fontSize={9} textAnchor="end">
        {qty(top)}
      </text>
      <text x={PAD.left - 4} y={y(0) + 4} fontSize={9} textAnchor="end">
        0
      </text>
      {shown > 0 && (
        <text x={PAD.left} y={H - 4} fontSize={9}>
          {shown} weeks ago
        </text>
      )}
      <WeekLabels weeks={weeks} week1={divider ?? PAD.left} centred={divider !== undefined} className={styles.halo} />
    </svg>
  );
}
