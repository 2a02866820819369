import type { Day } from "../core/dates";

/** Where a command writes, and what day it is: injected so that tests run commands in-process. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  today: Day;
}

/** A command that cannot run: one line on standard error and exit status 2. */
export class CommandError extends Error {}

export const EXIT = { done: 0, problems: 1, cannotRun: 2 } as const;
