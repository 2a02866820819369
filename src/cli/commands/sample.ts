import { dateFromDay } from "../../core/dates";
import { SAMPLE_DEFAULTS, SAMPLE_LIMITS, SAMPLE_PLAN_START, sampleSheets } from "../../core/sample";
import { XlsxBook } from "../../workbook/xlsx";
import { CommandError, EXIT } from "../io";
import type { Command } from "../main";

/** A whole number option within its limits, or the command cannot run. */
function wholeNumber(name: keyof typeof SAMPLE_LIMITS, value: string | boolean | undefined): number {
  if (value === undefined) return SAMPLE_DEFAULTS[name];
  const { min, max } = SAMPLE_LIMITS[name];
  const n = typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!(n >= min && n <= max)) throw new CommandError(`--${name} must be a whole number from ${min} to ${max}, not "${String(value)}".`);
  return n;
}

export const sample: Command = {
  usage: "OUT [--skus N] [--weeks H] [--seed S]",
  summary: `writes a realistic synthetic workbook with every input sheet (defaults: ${SAMPLE_DEFAULTS.skus} SKUs in 2 warehouses, ${SAMPLE_DEFAULTS.weeks} weeks, seed ${SAMPLE_DEFAULTS.seed}); the same options give the same file`,
  positionals: 1,
  options: { skus: { type: "string" }, weeks: { type: "string" }, seed: { type: "string" } },
  async run([out], options, io) {
    const skus = wholeNumber("skus", options.skus);
    const weeks = wholeNumber("weeks", options.weeks);
    const seed = wholeNumber("seed", options.seed);
    const book = XlsxBook.create();
    const sheets = sampleSheets({ skus, weeks, seed });
    for (const sheet of sheets) book.writeSheet(sheet);
    // The plan's start stands for "when": nothing in the file depends on the clock.
    book.fixTimestamps(dateFromDay(SAMPLE_PLAN_START));
    try {
      await book.save(out);
    } catch (error) {
      throw new CommandError(`cannot write ${out}: ${(error as Error).message}`);
    }
    const itemLocations = (sheets.find((s) => s.name === "SKUs")?.rows.length ?? 1) - 1;
    io.out(`Wrote a sample workbook to ${out}: ${skus} SKUs, ${itemLocations} item-locations, ${weeks} weeks, seed ${seed}.\n`);
    return EXIT.done;
  },
};
