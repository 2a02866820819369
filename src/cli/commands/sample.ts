import { stat } from "node:fs/promises";
import { dateFromDay } from "../../core/dates";
import { SAMPLE_DEFAULTS, SAMPLE_LIMITS, SAMPLE_PLAN_START, sampleSheets } from "../../sample/sample";
import { WorkbookFileError, XlsxBook } from "../../workbook/xlsx";
import { CommandError, EXIT } from "../io";
import type { Command } from "../command";

/** When every sample is dated: the plan's start stands for "when", so nothing in the file depends on the clock. */
const SAMPLE_TIME = dateFromDay(SAMPLE_PLAN_START);

/**
 * An existing OUT is replaced only when it is an untouched earlier sample (its dates and
 * sheets as this command writes them): anything else may be somebody's work.
 */
async function refuseToOverwrite(out: string): Promise<void> {
  if (!(await stat(out).catch(() => undefined))) return;
  // Its sheet names and dates are enough: no cell is read.
  const earlier = await XlsxBook.open(out, { sheets: () => false }).catch((error: unknown) => {
    if (error instanceof WorkbookFileError) return undefined;
    throw error;
  });
  const sheets = earlier?.sheetNames.join("\n");
  // With or without Sales History (--history 0).
  const sampleSheetNames = [SAMPLE_DEFAULTS.history, 0].map((history) =>
    sampleSheets({ skus: 1, weeks: 1, seed: 0, history })
      .map((spec) => spec.name)
      .join("\n"),
  );
  const dated = [earlier?.properties.created, earlier?.properties.modified].every((d) => d?.getTime() === SAMPLE_TIME.getTime());
  if (dated && sheets !== undefined && sampleSheetNames.includes(sheets)) return;
  throw new CommandError(`${out} already exists and is not a Planster sample; it was left alone (remove it or choose another name).`);
}

/** A whole number option within its limits, or the command cannot run. */
function wholeNumber(name: keyof typeof SAMPLE_LIMITS, value: string | boolean | undefined): number {
  if (value === undefined) return SAMPLE_DEFAULTS[name];
  const { min, max } = SAMPLE_LIMITS[name];
  const n = typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!(n >= min && n <= max)) throw new CommandError(`--${name} must be a whole number from ${min} to ${max}, not "${String(value)}".`);
  return n;
}

export const sample: Command = {
  usage: "OUT [--skus N] [--weeks H] [--seed S] [--history W]",
  summary: `writes a realistic synthetic workbook with every input sheet (defaults: ${SAMPLE_DEFAULTS.skus} SKUs in 2 warehouses, ${SAMPLE_DEFAULTS.weeks} weeks, seed ${SAMPLE_DEFAULTS.seed}, ${SAMPLE_DEFAULTS.history} weeks of Sales History, 0 for none); the same options give the same file`,
  positionals: 1,
  options: { skus: { type: "string" }, weeks: { type: "string" }, seed: { type: "string" }, history: { type: "string" } },
  async run([out], options, io) {
    const skus = wholeNumber("skus", options.skus);
    const weeks = wholeNumber("weeks", options.weeks);
    const seed = wholeNumber("seed", options.seed);
    const history = wholeNumber("history", options.history);
    await refuseToOverwrite(out);
    const book = XlsxBook.create();
    const sheets = sampleSheets({ skus, weeks, seed, history });
    for (const sheet of sheets) book.writeSheet(sheet);
    book.fixTimestamps(SAMPLE_TIME);
    await book.save(out);
    const itemLocations = (sheets.find((s) => s.name === "SKUs")?.rows.length ?? 1) - 1;
    io.out(`Wrote a sample workbook to ${out}: ${skus} SKUs, ${itemLocations} item-locations, ${weeks} weeks, seed ${seed}.\n`);
    return EXIT.done;
  },
};
