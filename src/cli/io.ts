import type { Day } from "../core/dates";

/** Where a command writes, and what day it is: injected so that tests run commands in-process. */
export interface CliIO {
  /** Text, or bytes of UTF-8 (long outputs are made as bytes). */
  out(text: string | Buffer): void;
  err(text: string): void;
  today: Day;
  /** The terminal's width when standard output is one: tables are cut to it. */
  columns?: number;
  /** Standard output was closed by its reader (`| head`): the command stops quietly. */
  closed?(): boolean;
  /** Lets pending events (a closed pipe) arrive during a long output. */
  pause?(): Promise<void>;
}

/** A command that cannot run: one line on standard error and exit status 2. */
export class CommandError extends Error {}

/** Standard output went away mid-command: not a failure, nothing more to say. */
export class OutputClosed extends Error {}

export const EXIT = { done: 0, problems: 1, cannotRun: 2 } as const;
