import type { ItemPlan } from "./plan";
import { planRows } from "./plan";
import { PLAN_COLUMNS } from "./planColumns";
import type { Settings } from "./settings";
import type { CellStyle, OutValue, SheetSpec, StreamedRow, StyledRange } from "./sheetSpec";

const SHORTAGE: CellStyle = { fill: "F8CBAD" };
const BELOW_SAFETY: CellStyle = { fill: "FFE699" };

/** The Supply Plan's layout and header, without its rows: what a writer streams the rows under. */
export function supplyPlanHead(): SheetSpec {
  const columnFormats: Record<number, string> = {};
  PLAN_COLUMNS.forEach((c, i) => {
    if (c.format) columnFormats[i] = c.format;
  });
  return {
    name: "Supply Plan",
    rows: [PLAN_COLUMNS.map((c) => c.header)],
    widths: PLAN_COLUMNS.map((c) => c.width),
    columnFormats,
    styles: [{ fromRow: 0, toRow: 0, fromCol: 0, toCol: PLAN_COLUMNS.length - 1, style: { bold: true, wrap: true } }],
    table: { name: "SupplyPlan", headerRow: 0, style: "TableStyleMedium2" },
    freezeRows: 1,
    print: { landscape: true, fitToWidth: true, title: "Supply Plan" },
  };
}

/** The Supply Plan's rows, made one at a time, shortages highlighted. */
export function* supplyPlanRows(plans: Iterable<ItemPlan>, settings: Settings, date1904 = false): Generator<StreamedRow> {
  for (const row of planRows(plans, settings)) {
    const values: OutValue[] = new Array(PLAN_COLUMNS.length);
    for (let c = 0; c < PLAN_COLUMNS.length; c++) values[c] = PLAN_COLUMNS[c].cell(row, date1904);
    const style = row.flags.includes("stockout") ? SHORTAGE : row.flags.includes("below-safety") ? BELOW_SAFETY : undefined;
    yield { values, style };
  }
}

/** The `Supply Plan` output sheet, whole: an Excel table, dates and numbers formatted, shortages highlighted. */
export function supplyPlanSheet(plans: ItemPlan[], settings: Settings, date1904 = false): SheetSpec {
  const spec = supplyPlanHead();
  const styles: StyledRange[] = [...(spec.styles ?? [])];
  const last = PLAN_COLUMNS.length - 1;
  for (const { values, style } of supplyPlanRows(plans, settings, date1904)) {
    spec.rows.push(values);
    if (style) styles.push({ fromRow: spec.rows.length - 1, toRow: spec.rows.length - 1, fromCol: 0, toCol: last, style });
  }
  return { ...spec, styles };
}
