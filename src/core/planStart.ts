import { type Day, mondayOf, serialFromDay } from "./dates";
import { refusal, type WorkbookEdit } from "./edit";
import { findGrid, looseName, type WorkbookInput } from "./input";
import { appendRow, rowCells, sheetLayout } from "./orders/writes";
import { fieldsOf, SHEETS } from "./schema";
import { type Settings, SETTINGS } from "./settings";
import { newSheet } from "./setup";

/** A plan whose week 1 is over: Plan Start is before this week's Monday. */
export interface StalePlan {
  planStart: Day;
  thisMonday: Day;
  /** Whole weeks of the plan that are over (1 when week 1 was last week). */
  weeksOver: number;
}

export function stalePlan(settings: Settings, today: Day): StalePlan | undefined {
  const thisMonday = mondayOf(today);
  if (settings.planStart >= thisMonday) return undefined;
  return { planStart: settings.planStart, thisMonday, weeksOver: Math.floor((thisMonday - settings.planStart) / 7) };
}

const SHEET = SHEETS.settings;
const PLAN_START = SETTINGS.find((s) => s.key === "planStart")!.name;

/** Sets the Plan Start setting to a day: in its row of the Settings sheet (the first, as the reader takes), else a new row. */
export function planStartEdit(input: WorkbookInput, day: Day): WorkbookEdit {
  const value = serialFromDay(day, input.date1904 ?? false);
  const layout = sheetLayout(input, SHEET.name, fieldsOf(SHEET));
  if (!layout)
    return {
      ok: true,
      sheets: [
        newSheet(
          SHEET,
          SETTINGS.map((s) => [s.name, s.key === "planStart" ? value : s.initial]),
        ),
      ],
    };
  const nameCol = layout.columns.get("setting");
  if (nameCol === undefined || !layout.columns.has("value"))
    return refusal(`The ${SHEET.name} sheet has no "Setting" and "Value" columns in its header row: add them, then try again.`);
  const grid = findGrid(input, SHEET.name)!;
  const origin = grid.originRow ?? 0;
  for (let row = layout.headerRow + 1; row - origin < grid.values.length; row++) {
    const name = grid.values[row - origin]?.[nameCol - (grid.originCol ?? 0)];
    if (typeof name === "string" && looseName(name) === looseName(PLAN_START)) return { ok: true, writes: { append: [], cells: rowCells(layout, row, { value }) } };
  }
  return { ok: true, writes: { append: [appendRow(layout, { setting: PLAN_START, value })], cells: [] } };
}
