import { isoFromDay } from "../../core/dates";
import { orderNow, type OrderNowLine, planAll, type PlanRow, planRows } from "../../core/plan";
import { PLAN_COLUMNS, planRowJson, supplyPlanSheet } from "../../core/planSheet";
import type { ItemLocation } from "../../core/model";
import { EXIT } from "../io";
import { loadModel, problemLine, reportProblems, withoutForecasts } from "../load";
import type { Command } from "../command";
import { type Column, parseFormat, printRows } from "../output";

const FORMAT_OPTION = { format: { type: "string" } } as const;

function quantity(n: number): string {
  if (Object.is(n, -0)) return "0";
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/\.?0+$/, "");
}

const NUMERIC_KEYS = new Set([
  "week",
  "demand",
  "scheduledReceipts",
  "plannedReceipts",
  "projectedOnHand",
  "safetyStock",
  "recommended",
  "override",
  "orderQty",
  "arrivalWeek",
  "orderValue",
]);

const PLAN_OUTPUT: Column<PlanRow>[] = PLAN_COLUMNS.map(({ header, key }) => ({
  header,
  key,
  numeric: NUMERIC_KEYS.has(key),
  json: (row) => planRowJson(row)[key],
  text: (row) => {
    const value = planRowJson(row)[key];
    if (typeof value === "number") return quantity(value);
    if (Array.isArray(value)) return value.join(", ");
    return value === null ? "" : String(value);
  },
}));

export const plan: Command = {
  usage: "FILE [--sku S] [--warehouse W] [--format table|json|csv]",
  summary: "prints the supply plan rows",
  positionals: 1,
  options: { sku: { type: "string" }, warehouse: { type: "string" }, ...FORMAT_OPTION },
  async run([file], options, io) {
    const format = parseFormat(options.format);
    const { model } = await loadModel(file, io);
    const wanted = (item: ItemLocation) => (options.sku === undefined || item.sku === options.sku) && (options.warehouse === undefined || item.warehouse === options.warehouse);
    const plans = planAll({ ...model, items: model.items.filter(wanted) });
    printRows(planRows(plans, model.settings), PLAN_OUTPUT, format, io);
    reportProblems(model, io);
    return EXIT.done;
  },
};

const ORDER_NOW_OUTPUT: Column<OrderNowLine>[] = [
  { header: "SKU", key: "sku", json: (l) => l.sku },
  { header: "Warehouse", key: "warehouse", json: (l) => l.warehouse },
  { header: "Supplier", key: "supplier", json: (l) => l.supplier },
  { header: "Quantity", key: "quantity", json: (l) => l.quantity, text: (l) => quantity(l.quantity), numeric: true },
  { header: "Unit Price", key: "unitPrice", json: (l) => l.unitPrice.toString(), numeric: true },
  { header: "Value", key: "value", json: (l) => l.value.toFixed(2), numeric: true },
  { header: "Currency", key: "currency", json: (l) => l.currency },
  { header: "Arrival Date", key: "arrivalDate", json: (l) => isoFromDay(l.arrivalDate) },
  { header: "Below Safety From", key: "belowSafetyFrom", json: (l) => (l.shortDate === null ? null : isoFromDay(l.shortDate)) },
];

export const orderNowCommand: Command = {
  usage: "FILE [--format table|json|csv]",
  summary: "prints the Order-now table: what to order this week, most urgent first",
  positionals: 1,
  options: { ...FORMAT_OPTION },
  async run([file], options, io) {
    const format = parseFormat(options.format);
    const { model } = await loadModel(file, io);
    printRows(orderNow(planAll(model), model.settings), ORDER_NOW_OUTPUT, format, io);
    reportProblems(model, io);
    return EXIT.done;
  },
};

const STATUS_OUTPUT: Column<ItemLocation>[] = [
  { header: "SKU", key: "sku", json: (i) => i.sku },
  { header: "Warehouse", key: "warehouse", json: (i) => i.warehouse },
  { header: "Code", key: "code", json: (i) => i.status.code },
  { header: "Type", key: "type", json: (i) => i.status.type },
  { header: "Source", key: "source", json: (i) => i.status.source },
  { header: "Orderable", key: "orderable", json: (i) => i.status.orderable },
  { header: "Recommended", key: "recommended", json: (i) => i.status.recommended },
];

export const status: Command = {
  usage: "FILE [--sku S] [--format table|json|csv]",
  summary: "prints each item-location's purchase status: code, type, source, orderable, recommended",
  positionals: 1,
  options: { sku: { type: "string" }, ...FORMAT_OPTION },
  async run([file], options, io) {
    const format = parseFormat(options.format);
    const { model } = await loadModel(file, io, withoutForecasts());
    const items = model.items.filter((i) => options.sku === undefined || i.sku === options.sku);
    printRows(items, STATUS_OUTPUT, format, io);
    reportProblems(model, io);
    return EXIT.done;
  },
};

export const check: Command = {
  usage: "FILE",
  summary: "prints every problem in the workbook with its cell address; exit status 1 when there is any",
  positionals: 1,
  options: {},
  async run([file], _options, io) {
    const { model } = await loadModel(file, io, withoutForecasts());
    for (const problem of model.problems) io.out(`${problemLine(problem)}\n`);
    if (model.problems.length === 0) {
      io.out(`No problems: ${model.items.length} item-locations read.\n`);
      return EXIT.done;
    }
    return EXIT.problems;
  },
};

export const writePlan: Command = {
  usage: "FILE [--out OUT]",
  summary: "writes the Supply Plan sheet into OUT (default FILE.planned.xlsx); FILE is rewritten only when OUT is FILE",
  positionals: 1,
  options: { out: { type: "string" } },
  async run([file], options, io) {
    const { book, model } = await loadModel(file, io);
    const out = typeof options.out === "string" ? options.out : file.replace(/\.xlsx$/i, "") + ".planned.xlsx";
    book.writeSheet(supplyPlanSheet(planAll(model), model.settings, book.input().date1904));
    await book.save(out);
    io.out(`Wrote the Supply Plan sheet (${model.items.length * model.settings.horizonWeeks} rows) to ${out}\n`);
    reportProblems(model, io);
    return EXIT.done;
  },
};
