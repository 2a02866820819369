import { writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { orderCsv } from "../../core/orders/exportCsv";
import { poSheet, sharedOrder } from "../../core/orders/share";
import { type CurrencyTotal, orderSummary, poSummarySheet, type SummaryRow } from "../../core/orders/summary";
import { orderX12 } from "../../core/orders/x12";
import { XlsxBook } from "../../workbook/xlsx";
import { CommandError, EXIT } from "../io";
import { loadModel, reportProblems } from "../load";
import type { Command } from "../command";
import { type Column, parseFormat, printRows } from "../output";

const EXPORT_FORMATS = ["csv", "x12", "xlsx"] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

function exportFormat(value: string | boolean | undefined): ExportFormat {
  if (value === undefined) return "csv";
  const format = EXPORT_FORMATS.find((f) => f === value);
  if (!format) throw new CommandError(`--format must be csv, x12 or xlsx, not "${String(value)}".`);
  return format;
}

/** A file name from a PO number: characters that file systems refuse become `_`. */
function fileName(number: string, extension: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what file systems refuse
  return `${number.replace(/[<>:"/\\|?*\u0000-\u001f]/g, "_")}.${extension}`;
}

export const exportPo: Command = {
  usage: "FILE PO [--format csv|x12|xlsx] [--out OUT]",
  summary: "one PO for its supplier: CSV or EDI X12 850 (standard output unless --out), or a workbook of its own (default OUT: the PO number .xlsx next to FILE)",
  positionals: 2,
  options: { format: { type: "string" }, out: { type: "string" } },
  async run([file, number], options, io) {
    const format = exportFormat(options.format);
    const { model } = await loadModel(file, io);
    if (!model.orderBook.hasSheets) throw new CommandError(`${file} has no Purchase Orders and PO Lines sheets, so it holds no PO.`);
    const shared = sharedOrder(model, number);
    if (typeof shared === "string") throw new CommandError(shared);
    const out = typeof options.out === "string" ? options.out : undefined;
    if (format === "xlsx") {
      const book = XlsxBook.create();
      book.writeSheet(poSheet(shared));
      const path = out ?? join(dirname(file), fileName(number, "xlsx"));
      await book.save(path);
      io.out(`Wrote ${number} to ${path}\n`);
    } else {
      const text = format === "csv" ? orderCsv(shared) : orderX12(shared, { now: new Date() });
      if (out === undefined) io.out(text);
      else {
        await writeFile(out, text);
        io.out(`Wrote ${number} to ${out}\n`);
      }
    }
    reportProblems(model, io);
    return EXIT.done;
  },
};

const amount = (d: { toFixed(n: number): string }) => d.toFixed(2);

const SUMMARY_OUTPUT: Column<SummaryRow>[] = [
  { header: "Supplier", key: "supplier", json: (r) => r.supplier },
  { header: "Supplier Name", key: "supplierName", json: (r) => r.supplierName },
  { header: "Month", key: "month", json: (r) => r.month || null },
  { header: "Currency", key: "currency", json: (r) => r.currency },
  { header: "Orders", key: "orders", json: (r) => r.orders, numeric: true },
  { header: "Open", key: "open", json: (r) => amount(r.open), numeric: true },
  { header: "Received", key: "received", json: (r) => amount(r.received), numeric: true },
  { header: "Committed", key: "committed", json: (r) => amount(r.committed), numeric: true },
];

const TOTALS_OUTPUT: Column<CurrencyTotal>[] = [
  { header: "Currency", key: "currency", json: (t) => t.currency },
  { header: "Orders", key: "orders", json: (t) => t.orders, numeric: true },
  { header: "Open", key: "open", json: (t) => amount(t.open), numeric: true },
  { header: "Received", key: "received", json: (t) => amount(t.received), numeric: true },
  { header: "Committed", key: "committed", json: (t) => amount(t.committed), numeric: true },
];

export const summary: Command = {
  usage: "FILE [--format table|json|csv] [--out OUT]",
  summary: "prints committed value by supplier × month × currency, open vs received; --out also writes the PO Summary sheet into OUT",
  positionals: 1,
  options: { format: { type: "string" }, out: { type: "string" } },
  async run([file], options, io) {
    const format = parseFormat(options.format);
    const { book, model } = await loadModel(file, io);
    if (!model.orderBook.hasSheets) throw new CommandError(`${file} has no Purchase Orders and PO Lines sheets, so there is nothing to sum.`);
    const result = orderSummary(model);
    await printRows(result.rows, SUMMARY_OUTPUT, format, io);
    if (format === "table") {
      io.out("\nTotals by currency\n");
      await printRows(result.totals, TOTALS_OUTPUT, format, io);
    }
    if (typeof options.out === "string") {
      book.writeSheet(poSummarySheet(result, book.input().date1904));
      await book.save(options.out);
      io.out(`Wrote the PO Summary sheet to ${options.out}\n`);
    }
    for (const address of result.unpriced) io.err(`${address}: this PO line has no Unit Price, so it adds nothing to the summary.\n`);
    reportProblems(model, io);
    return EXIT.done;
  },
};
