import { readFile } from "node:fs/promises";
import { isoFromDay } from "../../core/dates";
import { createOrders } from "../../core/orders/createOrders";
import type { Order } from "../../core/orders/order";
import { readReceiptFile } from "../../core/orders/receiptFile";
import { receive as receiveReceipts } from "../../core/orders/receiving";
import { foldIntoNewSheets } from "../../core/orders/writes";
import { orderNow, planAll } from "../../core/plan";
import type { Command } from "../command";
import { CommandError, EXIT } from "../io";
import { loadModel, reportProblems } from "../load";
import { type Column, printRows } from "../output";

const ORDER_OUTPUT: Column<Order>[] = [
  { header: "PO Number", key: "poNumber", json: (o) => o.number },
  { header: "Supplier", key: "supplier", json: (o) => o.supplier },
  { header: "Warehouse", key: "warehouse", json: (o) => o.warehouse },
  { header: "Status", key: "status", json: (o) => o.status },
  { header: "Lines", key: "lines", json: (o) => o.lines.length, numeric: true },
  { header: "Total", key: "total", json: (o) => o.total.toFixed(2), numeric: true },
  { header: "Currency", key: "currency", json: (o) => o.currency },
  { header: "Expected Delivery", key: "expectedDelivery", json: (o) => (o.expectedDelivery === undefined ? null : isoFromDay(o.expectedDelivery)) },
];

const optional = (value: string | boolean | undefined) => (typeof value === "string" ? value : undefined);

/** OUT: the --out option, else FILE with the command's suffix (`plan.xlsx` → `plan.orders.xlsx`). */
const outPath = (file: string, out: string | boolean | undefined, suffix: string) => optional(out) ?? `${file.replace(/\.xlsx$/i, "")}.${suffix}.xlsx`;

export const createOrdersCommand: Command = {
  usage: "FILE [--supplier S] [--warehouse W] [--out OUT]",
  summary:
    "Draft POs for the Order-now lines (all, or one supplier's or warehouse's), one per supplier × warehouse × currency, written into OUT (default FILE.orders.xlsx); prints the POs made and, on standard error, the lines left out with their reasons",
  positionals: 1,
  options: { supplier: { type: "string" }, warehouse: { type: "string" }, out: { type: "string" } },
  async run([file], options, io) {
    const { book, model } = await loadModel(file, io);
    const input = book.input();
    const request = { supplier: optional(options.supplier), warehouse: optional(options.warehouse) };
    const result = createOrders({ model, input }, orderNow(planAll(model), model.settings), request, io.today);
    if (!result.ok) throw new CommandError(result.reason);
    const out = outPath(file, options.out, "orders");
    book.apply(result.writes);
    await book.save(out);
    if (result.orders.length > 0) printRows(result.orders, ORDER_OUTPUT, "table", io);
    for (const { reason } of result.leftOut) io.err(`planster create-orders: left out: ${reason}\n`);
    for (const { message, lines } of result.belowMinimum) {
      io.err(`planster create-orders: not created, below the supplier's Min Order Value: ${message} (${lines.length} line${lines.length === 1 ? "" : "s"})\n`);
    }
    const made = result.orders.length === 0 ? "no orders made" : `${result.orders.length} order${result.orders.length === 1 ? "" : "s"} made`;
    const left = result.leftOut.length + result.belowMinimum.reduce((n, b) => n + b.lines.length, 0);
    io.out(`Wrote ${out}: ${made}${left > 0 ? `, ${left} line${left === 1 ? "" : "s"} left out (see above)` : ""}.\n`);
    reportProblems(model, io);
    return EXIT.done;
  },
};

export const receiveCommand: Command = {
  usage: "FILE RECEIPTS.csv [--out OUT]",
  summary:
    "applies a WMS receipt file (PO Number, SKU or Line, Quantity, optional Date and Receipt ID) to the orders, logging each on Receipts, into OUT (default FILE.received.xlsx); prints what was applied, skipped and refused",
  positionals: 2,
  options: { out: { type: "string" } },
  async run([file, receipts], options, io) {
    const text = await readFile(receipts, "utf8").catch(() => {
      throw new CommandError(`cannot read the receipt file ${receipts}.`);
    });
    const read = readReceiptFile(text);
    if (!read.ok) throw new CommandError(`${receipts}: ${read.reason}`);
    const { book, model } = await loadModel(file, io);
    const input = book.input();
    const result = receiveReceipts({ model, input }, read.rows, io.today);
    if (!result.ok) throw new CommandError(result.reason);
    const out = outPath(file, options.out, "received");
    // A file is written in one go: a new Receipts sheet is written with its rows.
    const { sheets, writes } = foldIntoNewSheets(result.newSheets, result.writes);
    for (const sheet of sheets) book.writeSheet(sheet);
    book.apply(writes);
    await book.save(out);
    for (const outcome of result.outcomes) io.out(`${outcome.kind.padEnd(7)}  ${outcome.message}\n`);
    for (const order of result.orders) io.out(`${order.number} is now ${order.status} (revision ${order.revision}).\n`);
    for (const note of result.notes) io.err(`planster receive: ${note}\n`);
    const count = (kind: string) => result.outcomes.filter((o) => o.kind === kind).length;
    const refused = count("refused");
    io.out(`Wrote ${out}: ${count("applied")} applied, ${count("skipped")} skipped, ${refused} refused.\n`);
    if (refused > 0) io.err(`planster receive: ${refused} row${refused === 1 ? "" : "s"} refused (listed above); nothing of ${refused === 1 ? "it" : "them"} was written.\n`);
    reportProblems(model, io);
    // CLI.md: a refused row is reported, as problems in rows are for plan; exit 1 is check's alone.
    return EXIT.done;
  },
};
