import type { SheetSpec } from "../sheetSpec";
import { orderCsv } from "./exportCsv";
import { poSheet, type SharedOrder } from "./share";
import { orderX12, x12Refusal } from "./x12";

/** What an export makes of one PO: text to save or print, sheets for a workbook of its own, or why it cannot. */
export type ExportOutput = { kind: "text"; mime: string; text: string } | { kind: "workbook"; sheets: SheetSpec[] } | { kind: "refused"; reason: string };

export interface ExportOptions {
  /** When the export is made (an EDI interchange records it). */
  now: Date;
  date1904: boolean;
}

/**
 * The ways a PO leaves for its supplier, once: the CLI's `export-po --format` and the
 * pane's share buttons both list these, so a new format is one entry here.
 */
export interface ExportFormat {
  /** The CLI's `--format` value. */
  id: string;
  /** The pane's button. */
  label: string;
  /** The file's extension, without its dot. */
  extension: string;
  render(shared: SharedOrder, options: ExportOptions): ExportOutput;
}

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  { id: "csv", label: "CSV", extension: "csv", render: (shared) => ({ kind: "text", mime: "text/csv", text: orderCsv(shared) }) },
  {
    id: "x12",
    label: "X12 850",
    extension: "x12",
    render: (shared, { now }) => {
      const refused = x12Refusal(shared);
      return refused ? { kind: "refused", reason: refused } : { kind: "text", mime: "application/edi-x12", text: orderX12(shared, { now }) };
    },
  },
  { id: "xlsx", label: "New workbook", extension: "xlsx", render: (shared, { date1904 }) => ({ kind: "workbook", sheets: [poSheet(shared, date1904)] }) },
];

export function exportFormat(id: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((f) => f.id === id);
}
