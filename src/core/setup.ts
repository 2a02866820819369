import { type Refusal, refusal } from "./edit";
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

/**
 * "Create Planster sheets": every input sheet the workbook lacks, and what to tell
 * the user; the sheets it has are left alone. Refused when nothing is missing.
 */
export function setupSheets(input: WorkbookInput): { ok: true; sheets: SheetSpec[]; told: string } | Refusal {
  const sheets: SheetSpec[] = [];
  const present: string[] = [];
  for (const schema of INPUT_SHEETS) {
    if (findGrid(input, schema.name)) present.push(schema.name);
    else sheets.push(newSheet(schema));
  }
  if (sheets.length === 0) return refusal("Every Planster sheet is already in this workbook; nothing was changed.");
  const kept = present.length ? ` Already there and left as they were: ${present.join(", ")}.` : "";
  return { ok: true, sheets, told: `Created ${sheets.map((s) => s.name).join(", ")}.${kept}` };
}
