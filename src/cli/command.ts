import type { ParseArgsConfig } from "node:util";
import type { CliIO } from "./io";

/** One `planster` command: its usage line, options and what it runs (its own module, so that commands and main import it without a cycle). */
export interface Command {
  /** One line: arguments and options. */
  usage: string;
  summary: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  /** How many positional arguments the command takes. */
  positionals: number;
  run(positionals: string[], options: Record<string, string | boolean | undefined>, io: CliIO): Promise<number>;
}
