import { parseArgs } from "node:util";
import { localDay } from "../core/dates";
import type { Command } from "./command";
import { COMMANDS } from "./commands";
import { type CliIO, CommandError, EXIT, OutputClosed } from "./io";
import { WorkbookFileError } from "../workbook/xlsx/errors";

function help(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  planster ${name} ${c.usage}\n      ${c.summary}`);
  return `Usage:\n${lines.join("\n")}\n\nplanster COMMAND --help prints one command's usage.\n`;
}

function commandHelp(name: string, command: Command): string {
  return `Usage: planster ${name} ${command.usage}\n\n${command.summary}\n`;
}

const HELP = new Set(["--help", "-h"]);

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if ((name !== undefined && HELP.has(name)) || name === "help") {
    const asked = name === "help" ? rest[0] : undefined;
    io.out(asked && COMMANDS[asked] ? commandHelp(asked, COMMANDS[asked]) : help());
    return EXIT.done;
  }
  // A command that cannot run says so in one line on standard error (CLI.md), with where to look next.
  if (!name) {
    io.err(`planster: no command given. Commands: ${Object.keys(COMMANDS).join(", ")} (planster --help for usage).\n`);
    return EXIT.cannotRun;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`planster: unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(", ")}.\n`);
    return EXIT.cannotRun;
  }
  if (rest.some((arg) => HELP.has(arg))) {
    io.out(commandHelp(name, command));
    return EXIT.done;
  }
  try {
    const { values, positionals } = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    if (positionals.length !== command.positionals) {
      throw new CommandError(`usage: planster ${name} ${command.usage}`);
    }
    return await command.run(positionals, values as Record<string, string | boolean | undefined>, io);
  } catch (error) {
    if (error instanceof OutputClosed) return EXIT.done;
    if (error instanceof CommandError || error instanceof WorkbookFileError) {
      io.err(`planster ${name}: ${error.message}\n`);
      return EXIT.cannotRun;
    }
    if ((error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(`planster ${name}: ${(error as Error).message.split("\n")[0]} (usage: planster ${name} ${command.usage})\n`);
      return EXIT.cannotRun;
    }
    io.err(`planster ${name}: unexpected failure: ${(error as Error).message}\n`);
    return EXIT.cannotRun;
  }
}

/** The process's own streams; a reader that goes away (`| head`) ends the command quietly. */
export function processIO(): CliIO {
  let closed = false;
  for (const stream of [process.stdout, process.stderr]) {
    // EPIPE mostly; any failure to write means nobody reads any more.
    stream.on("error", () => {
      closed = true;
    });
  }
  return {
    out: (text) => void (closed || process.stdout.write(text)),
    err: (text) => void (closed || process.stderr.write(text)),
    today: localDay(new Date()),
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
    closed: () => closed,
    pause: () => new Promise((resolve) => setImmediate(resolve)),
  };
}

export async function run(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2), processIO());
}
