import { findGrid, type WorkbookInput } from "./input";
import { PO_STATUSES } from "./orders/purchaseOrders";
import { PO_TYPE } from "./orders/order";
import { type ChoiceList, INPUT_SHEETS, type SheetSchema, SHEETS } from "./schema";
import { SETTINGS } from "./settings";
import type { OutValue, SheetSpec } from "./sheetSpec";
import { StatusTable } from "./statuses";

/** The values of each kind of dropdown. STATUSES: the pickers never offer P (docs/statuses.md). */
const CHOICES: Record<ChoiceList, () => string[]> = {
  "status-codes": () => new StatusTable().pickable().map((s) => s.code),
  "status-types": () => new StatusTable().pickable().map((s) => s.type),
  "po-statuses": () => [...PO_STATUSES],
  "po-types": () => [PO_TYPE],
  "true-false": () => ["TRUE", "FALSE"],
};

/** The rows a new sheet starts with: the Settings sheet lists every setting with its initial value. */
function firstRows(schema: SheetSchema): OutValue[][] {
  return schema === SHEETS.settings ? SETTINGS.map((s) => [s.name, s.initial]) : [];
}

/**
 * A new sheet as the add-in creates it: an Excel table of the schema's columns,
 * bold frozen header, each column's number format and dropdown, then `rows`.
 */
export function newSheet(schema: SheetSchema, rows: OutValue[][] = firstRows(schema)): SheetSpec {
  const columns = Object.values(schema.columns);
  const headers = columns.map((c) => c.header);
  const columnFormats: Record<number, string> = {};
  columns.forEach((c, col) => {
    if (c.format) columnFormats[col] = c.format;
  });
  return {
    name: schema.name,
    rows: [headers, ...rows],
    widths: headers.map((h) => Math.max(12, h.length + 4)),
    columnFormats,
    styles: [{ fromRow: 0, toRow: 0, fromCol: 0, toCol: headers.length - 1, style: { bold: true } }],
    table: { name: schema.name.replace(/[^A-Za-z0-9]+/g, ""), headerRow: 0, style: "TableStyleMedium2" },
    freezeRows: 1,
    choices: columns.flatMap((c, col) => (c.choices ? [{ col, values: CHOICES[c.choices]() }] : [])),
  };
}

/** What "Create Planster sheets" adds: every input sheet the workbook lacks; the ones it has are left alone. */
export function missingSheets(input: WorkbookInput): { sheets: SheetSpec[]; present: string[] } {
  const sheets: SheetSpec[] = [];
  const present: string[] = [];
  for (const schema of INPUT_SHEETS) {
    if (findGrid(input, schema.name)) present.push(schema.name);
    else sheets.push(newSheet(schema));
  }
  return { sheets, present };
}
