import { itemKey } from "../core/catalog";
import { type ForecastSource, ForecastStore } from "../core/forecasts";
import { readModel, type PlanningModel } from "../core/model";
import type { Problem } from "../core/problems";
import { isInputName } from "../workbook/officeSheet";
import { type ReadOptions, XlsxBook } from "../workbook/xlsx";
import { CommandError, type CliIO } from "./io";

export function problemLine(problem: Problem): string {
  return `${problem.address}: ${problem.message}`;
}

/** What a command reads: sheets beyond the core's, and where forecasts come from (`withoutForecasts`). */
export interface LoadOptions {
  sheets?: ReadOptions["sheets"];
  forecasts?: ForecastSource;
}

/**
 * For a command that does not use demand (problems, statuses, the backtest): the model
 * read without computing statistical forecasts, which costs a millisecond or more per
 * history. Its problems are the same.
 */
export function withoutForecasts(): LoadOptions {
  return { forecasts: new ForecastStore().kept() };
}

/**
 * Opens a workbook and reads its model; a workbook that cannot be planned stops the
 * command. Only the sheets the core reads are read (`sheets` adds others). Cells the
 * file itself holds wrongly are problems like any other.
 */
export async function loadModel(file: string, io: CliIO, options: LoadOptions = {}): Promise<{ book: XlsxBook; model: PlanningModel }> {
  const book = await XlsxBook.open(file, { sheets: (name) => isInputName(name) || (options.sheets?.(name) ?? false) });
  const result = readModel(book.input(), { today: io.today, forecasts: options.forecasts });
  if (!result.ok) throw new CommandError(`${file}: ${result.error}`);
  if (book.problems.length > 0) result.model.problems.unshift(...book.problems);
  return { book, model: result.model };
}

/** Row problems never stop a command: they go to standard error. */
export function reportProblems(model: PlanningModel, io: CliIO): void {
  if (model.problems.length === 0) return;
  io.err(`${model.problems.length} problem${model.problems.length === 1 ? "" : "s"} in the workbook (run "planster check" for the list):\n`);
  for (const problem of model.problems) io.err(`  ${problemLine(problem)}\n`);
}

/**
 * The filters a command was given must name something in the workbook: a typo must
 * not print an empty table as if there were nothing to do (CLI.md: exit 2, one line).
 */
export function checkFilters(model: PlanningModel, filters: { sku?: string; warehouse?: string; supplier?: string }): void {
  const { sku, warehouse, supplier } = filters;
  if (sku !== undefined && !model.items.some((i) => i.sku === sku)) throw new CommandError(`There is no SKU "${sku}" on the SKUs sheet.`);
  if (warehouse !== undefined && !model.items.some((i) => i.warehouse === warehouse)) throw new CommandError(`No SKU is held at a warehouse "${warehouse}".`);
  if (sku !== undefined && warehouse !== undefined && !model.itemsByKey.has(itemKey(sku, warehouse))) {
    throw new CommandError(`SKU "${sku}" is not held at warehouse "${warehouse}".`);
  }
  if (supplier !== undefined && !model.suppliers.has(supplier)) throw new CommandError(`There is no supplier "${supplier}" on the Suppliers sheet.`);
}
