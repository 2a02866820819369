import { execFileSync } from "node:child_process";
import { join } from "node:path";

/**
 * functions.json as custom-functions-metadata-plugin makes it from the JSDoc of
 * src/functions/functions.ts (the same generator the webpack build runs), against
 * FUNCTIONS.md's table: names, arguments in order, which are optional, spills.
 */
const root = join(__dirname, "../..");
const script = `
  const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
  generateCustomFunctionsMetadata([require("path").resolve("src/functions/functions.ts")], true)
    .then((r) => process.stdout.write(JSON.stringify({ errors: r.errors, metadata: JSON.parse(r.metadataJson || "{}") })));
`;
const { errors, metadata } = JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8" })) as {
  errors: string[];
  metadata: {
    functions: { name: string; parameters: { name: string; optional?: boolean; type?: string }[]; options?: { stream?: boolean }; result: { dimensionality?: string } }[];
  };
};

/** FUNCTIONS.md: `[x]` is optional. */
const SPEC: Record<string, string> = {
  RECOMMEND: "[sku] [week] [warehouse]",
  STATUS: "[sku] [warehouse]",
  CANORDER: "sku [warehouse]",
  PLAN: "sku [warehouse]",
  PROJECTED: "sku week [warehouse]",
  INBOUND: "sku [week] [warehouse]",
  STOCKOUT: "sku [warehouse]",
  FORECAST: "sku [week] [warehouse]",
  FORECASTSERIES: "values [horizon] [season]",
  POTOTAL: "po",
  SPEND: "[supplier] [from] [to] [currency]",
};
const SPILLS = ["RECOMMEND", "STATUS", "PLAN", "FORECASTSERIES"];

describe("functions.json from the JSDoc", () => {
  it("generates without errors", () => {
    expect(errors).toEqual([]);
  });

  it("declares every function of FUNCTIONS.md with its arguments, optional ones marked", () => {
    const declared = Object.fromEntries(metadata.functions.map((f) => [f.name, f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(" ")]));
    expect(declared).toEqual(SPEC);
  });

  it("makes every function streaming (live without recalculation) and takes any value, to name a bad argument", () => {
    expect(metadata.functions.every((f) => f.options?.stream === true)).toBe(true);
    expect(metadata.functions.flatMap((f) => f.parameters).every((p) => p.type === "any")).toBe(true);
  });

  it("spills only the functions that answer tables", () => {
    expect(metadata.functions.filter((f) => f.result.dimensionality === "matrix").map((f) => f.name)).toEqual(SPILLS);
  });
});
