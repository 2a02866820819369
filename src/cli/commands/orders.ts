import { writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { EXPORT_FORMATS, type ExportFormat, exportFormat } from "../../core/orders/exportFormats";
import { sharedOrder } from "../../core/orders/share";
import { type CurrencyTotal, orderSummary, poSummarySheet, type SummaryRow } from "../../core/orders/summary";
import { XlsxBook } from "../../workbook/xlsx";
import { CommandError, EXIT } from "../io";
import { loadModel, reportProblems } from "../load";
import type { Command } from "../command";
import { type Column, parseFormat, printRows } from "../output";

const FORMAT_IDS = EXPORT_FORMATS.map((f) => f.id);

function chosenFormat(value: string | boolean | undefined): ExportFormat {
  const format = exportFormat(typeof value === "string" ? value : "csv");
  if (!format) throw new CommandError(`--format must be ${FORMAT_IDS.slice(0, -1).join(", ")} or ${FORMAT_IDS[FORMAT_IDS.length - 1]}, not "${String(value)}".`);
  return format;
}

/** A file name from a PO number: characters that file systems refuse become `_`. */
function fileName(number: string, extension: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what file systems refuse
  return `${number.replace(/[<>:"/\\|?*\u0000-\u001f]/g, "_")}.${extension}`;
}

export const exportPo: Command = {
  usage: `FILE PO [--format ${FORMAT_IDS.join("|")}] [--out OUT]`,
  summary: `one PO for its supplier: ${EXPORT_FORMATS.map((f) => f.id).join(", ")} (text on standard output unless --out; a workbook of its own goes to OUT, by default the PO number .xlsx next to FILE)`,
  positionals: 2,
  options: { format: { type: "string" }, out: { type: "string" } },
  async run([file, number], options, io) {
    const format = chosenFormat(options.format);
    const { book: source, model } = await loadModel(file, io);
    if (!model.orderBook.hasSheets) throw new CommandError(`${file} has no Purchase Orders and PO Lines sheets, so it holds no PO.`);
    const shared = sharedOrder(model, number);
    if (typeof shared === "string") throw new CommandError(shared);
    const out = typeof options.out === "string" ? options.out : undefined;
    const output = format.render(shared, { now: new Date(), date1904: source.input().date1904 ?? false });
    if (output.kind === "refused") throw new CommandError(output.reason);
    if (output.kind === "workbook") {
      const book = XlsxBook.create();
      for (const sheet of output.sheets) book.writeSheet(sheet);
      const path = out ?? join(dirname(file), fileName(number, format.extension));
      await book.save(path);
      io.out(`Wrote ${number} to ${path}\n`);
    } else if (out === undefined) io.out(output.text);
    else {
      await writeFile(out, output.text);
      io.out(`Wrote ${number} to ${out}\n`);
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
