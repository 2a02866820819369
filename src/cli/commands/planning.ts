import { isoFromDay } from "../../core/dates";
import { orderNow, type OrderNowLine, planAll, type PlanRow, planRows } from "../../core/plan";
import { PLAN_COLUMNS, quantityText } from "../../core/planColumns";
import { supplyPlanHead, supplyPlanRows } from "../../core/planSheet";
import type { ItemLocation } from "../../core/model";
import { EXIT } from "../io";
import { checkFilters, loadModel, problemLine, reportProblems, withoutForecasts } from "../load";
import type { Command } from "../command";
import { type Column, parseFormat, pickColumns, printLines, printRows } from "../output";

const FORMAT_OPTION = { format: { type: "string" } } as const;

const PLAN_OUTPUT: Column<PlanRow>[] = PLAN_COLUMNS.map((c) => ({ header: c.header, key: c.key, numeric: c.numeric, json: c.json, text: c.text }));
/** What a planner reads first: the table fits a terminal (CSV and JSON give every column). */
const PLAN_GLANCE = PLAN_OUTPUT.filter((_, i) => PLAN_COLUMNS[i].glance);

export const plan: Command = {
  usage: "FILE [--sku S] [--warehouse W] [--format table|json|csv] [--columns C,…|all]",
  summary: "prints the supply plan rows (a table shows the columns a planner reads first; --columns picks others by header or JSON key)",
  positionals: 1,
  options: { sku: { type: "string" }, warehouse: { type: "string" }, columns: { type: "string" }, ...FORMAT_OPTION },
  async run([file], options, io) {
    const format = parseFormat(options.format);
    const columns = pickColumns(options.columns, PLAN_OUTPUT, format === "table" ? PLAN_GLANCE : PLAN_OUTPUT);
    const { model } = await loadModel(file, io);
    const sku = typeof options.sku === "string" ? options.sku : undefined;
    const warehouse = typeof options.warehouse === "string" ? options.warehouse : undefined;
    checkFilters(model, { sku, warehouse });
    const wanted = (item: ItemLocation) => (sku === undefined || item.sku === sku) && (warehouse === undefined || item.warehouse === warehouse);
    const plans = planAll({ ...model, items: model.items.filter(wanted) });
    await printRows(planRows(plans, model.settings), columns, format, io);
    reportProblems(model, io);
    return EXIT.done;
  },
};

const ORDER_NOW_OUTPUT: Column<OrderNowLine>[] = [
  { header: "SKU", key: "sku", json: (l) => l.sku },
  { header: "Warehouse", key: "warehouse", json: (l) => l.warehouse },
  { header: "Supplier", key: "supplier", json: (l) => l.supplier },
  { header: "Quantity", key: "quantity", json: (l) => l.quantity, text: (l) => quantityText(l.quantity), numeric: true },
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
    await printRows(orderNow(planAll(model), model.settings), ORDER_NOW_OUTPUT, format, io);
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
    const sku = typeof options.sku === "string" ? options.sku : undefined;
    checkFilters(model, { sku });
    await printRows(
      model.items.filter((i) => sku === undefined || i.sku === sku),
      STATUS_OUTPUT,
      format,
      io,
    );
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
    await printLines(
      model.problems.map((p) => problemLine(p)),
      io,
    );
    if (model.problems.length === 0) {
      io.out(`No problems: ${model.items.length} item-locations read.\n`);
      return EXIT.done;
    }
    return EXIT.problems;
  },
};

const count = (n: number) => n.toLocaleString("en-US");

export const writePlan: Command = {
  usage: "FILE [--out OUT]",
  summary:
    "writes the Supply Plan sheet into OUT (default FILE.planned.xlsx); FILE is rewritten only when OUT is FILE. A plan longer than a sheet continues on Supply Plan 2, 3, …",
  positionals: 1,
  options: { out: { type: "string" } },
  async run([file], options, io) {
    const { book, model } = await loadModel(file, io);
    const out = typeof options.out === "string" ? options.out : file.replace(/\.xlsx$/i, "") + ".planned.xlsx";
    const rows = model.items.length * model.settings.horizonWeeks;
    // Planned and rendered row by row while the file is written: the plan is never held as a sheet.
    book.writeSheet(supplyPlanHead(), { rows: supplyPlanRows(planAll(model), model.settings, book.input().date1904), count: rows });
    const report = await book.save(out);
    const sheets = report.sheets[0]?.sheets ?? ["Supply Plan"];
    const where =
      sheets.length === 1
        ? `the ${sheets[0]} sheet`
        : `the ${sheets[0]} sheet, continued on ${sheets.slice(1).join(", ")} (a sheet holds ${count(1_048_575)} rows under its header)`;
    io.out(`Wrote ${where} (${count(rows)} rows) to ${out}\n`);
    reportProblems(model, io);
    return EXIT.done;
  },
};
