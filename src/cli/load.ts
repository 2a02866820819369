import { ForecastStore } from "../core/forecasts";
import { readModel, type PlanningModel, type ReadOptions } from "../core/model";
import type { Problem } from "../core/problems";
import { XlsxBook } from "../workbook/xlsx";
import { CommandError, type CliIO } from "./io";

export function problemLine(problem: Problem): string {
  return `${problem.address}: ${problem.message}`;
}

/**
 * For a command that does not use demand (problems, statuses, the backtest): the model
 * read without computing statistical forecasts, which costs a millisecond or more per
 * history. Its problems are the same.
 */
export function withoutForecasts(): Omit<ReadOptions, "today"> {
  return { forecasts: new ForecastStore().kept() };
}

/** Opens a workbook and reads its model; a workbook that cannot be planned stops the command. */
export async function loadModel(file: string, io: CliIO, options: Omit<ReadOptions, "today"> = {}): Promise<{ book: XlsxBook; model: PlanningModel }> {
  const book = await XlsxBook.open(file);
  const result = readModel(book.input(), { ...options, today: io.today });
  if (!result.ok) throw new CommandError(`${file}: ${result.error}`);
  return { book, model: result.model };
}

/** Row problems never stop a command: they go to standard error. */
export function reportProblems(model: PlanningModel, io: CliIO): void {
  if (model.problems.length === 0) return;
  io.err(`${model.problems.length} problem${model.problems.length === 1 ? "" : "s"} in the workbook (run "planster check" for the list):\n`);
  for (const problem of model.problems) io.err(`  ${problemLine(problem)}\n`);
}
