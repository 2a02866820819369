import { parseArgs } from "node:util";
import { localDay } from "../core/dates";
import { COMMANDS } from "./commands";
import { type CliIO, CommandError, EXIT } from "./io";
import { WorkbookFileError } from "../workbook/xlsx";

function help(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  planster ${name} ${c.usage}\n      ${c.summary}`);
  return `Usage:\n${lines.join("\n")}\n`;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === "--help" || name === "-h" || name === "help") {
    io.out(help());
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
  try {
    const { values, positionals } = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    if (positionals.length !== command.positionals) {
      throw new CommandError(`usage: planster ${name} ${command.usage}`);
    }
    return await command.run(positionals, values as Record<string, string | boolean | undefined>, io);
  } catch (error) {
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

export function processIO(): CliIO {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    today: localDay(new Date()),
  };
}

export async function run(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2), processIO());
}
