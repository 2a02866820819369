import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";

/*
 * `office-addin-manifest validate` needs the internet and no package ships the
 * manifest XSDs, so this checks offline what a shared runtime with custom
 * functions needs; `npm run validate` keeps the online check.
 */
const root = join(__dirname, "..");
const xml = readFileSync(join(root, "manifest.xml"), "utf8");

type Node = Record<string, unknown>;
const parsed = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
}).parse(xml) as Node;

/** Every element named `tag` anywhere in the tree, with its path of ancestor names. */
function all(tag: string, node: unknown = parsed, path: string[] = []): { node: Node; path: string[] }[] {
  if (Array.isArray(node)) return node.flatMap((child) => all(tag, child, path));
  if (typeof node !== "object" || node === null) return [];
  const found: { node: Node; path: string[] }[] = [];
  for (const [key, value] of Object.entries(node as Node)) {
    if (key.startsWith("@")) continue;
    if (key === tag) for (const item of value as Node[]) found.push({ node: item, path });
    found.push(...all(tag, value, [...path, key]));
  }
  return found;
}

const one = (tag: string): Node => {
  const found = all(tag);
  expect(found).toHaveLength(1);
  return found[0].node;
};
const child = (node: Node, tag: string): Node => (node[tag] as Node[])[0];

const resources = new Map<string, string>();
for (const tag of ["bt:Image", "bt:Url", "bt:String"]) {
  for (const { node } of all(tag)) resources.set(String(node["@id"]), String(node["@DefaultValue"]));
}
const customFunctions = all("ExtensionPoint").find(({ node }) => node["@xsi:type"] === "CustomFunctions")!.node;
const resid = (node: Node): string => String(node["@resid"]);

describe("manifest.xml", () => {
  it("is read by office-addin-manifest info", () => {
    const out = execFileSync(process.execPath, [join(root, "node_modules/office-addin-manifest/cli.js"), "info", "manifest.xml"], { cwd: root, encoding: "utf8" });
    expect(out).toMatch(/Name: Planster for Excel/);
    expect(out).toMatch(/Hosts: Workbook/);
    expect(out).toMatch(/Permissions: ReadWriteDocument/);
  });

  it("runs the pane, the functions and the commands in one long-lived shared runtime", () => {
    const runtime = one("Runtime");
    expect(runtime["@lifetime"]).toBe("long");
    const page = resid(child(child(customFunctions, "Page"), "SourceLocation"));
    const functionFile = resid(one("FunctionFile"));
    const paneAction = all("Action").find(({ node }) => node["@xsi:type"] === "ShowTaskpane")!.node;
    expect([page, functionFile, resid(child(paneAction, "SourceLocation"))]).toEqual([resid(runtime), resid(runtime), resid(runtime)]);
    expect(resources.get(resid(runtime))).toMatch(/\/taskpane\.html$/);
    const sets = all("Set").map(({ node }) => node["@Name"]);
    expect(sets).toContain("SharedRuntime");
  });

  it("declares the PLANSTER namespace, the functions.json metadata and the script", () => {
    expect(resources.get(resid(child(customFunctions, "Namespace")))).toBe("PLANSTER");
    expect(resources.get(resid(child(child(customFunctions, "Metadata"), "SourceLocation")))).toMatch(/\/functions\.json$/);
    expect(resources.get(resid(child(child(customFunctions, "Script"), "SourceLocation")))).toMatch(/\/addin\.js$/);
  });

  it("has a ribbon button that opens the pane", () => {
    const button = all("Control").find(({ node }) => node["@xsi:type"] === "Button")!.node;
    expect(child(button, "Action")["@xsi:type"]).toBe("ShowTaskpane");
    expect(resources.get(resid(child(button, "Label")))).toBe("Supply Plan");
  });

  it("defines every resid it uses", () => {
    const used = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((id) => !resources.has(id))).toEqual([]);
  });

  it("uses https URLs only, and its icons exist in assets/", () => {
    const urls = [...xml.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((url) => !url.startsWith("https://"))).toEqual([]);
    const icons = urls.filter((url) => url.endsWith(".png")).map((url) => url.replace(/^https:\/\/[^/]+\//, ""));
    expect(icons.filter((file) => !existsSync(join(root, file)))).toEqual([]);
  });

  it("asks for the least permission that works: the add-in writes sheets, so ReadWriteDocument", () => {
    expect(all("Permissions").map(({ node }) => node["#text"] ?? node)).toEqual(["ReadWriteDocument"]);
  });
});

describe("manifest.xml and the web build agree", () => {
  it("points at the files webpack.config.js makes: the addin bundle, functions.json, taskpane.html, assets", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const makeConfig = require(join(root, "webpack.config.js")) as (
      env: object,
      argv: object,
    ) => Promise<{
      entry: Record<string, string>;
      plugins: { options?: { output?: string; filename?: string; patterns?: { to: string }[] }; userOptions?: { filename?: string } }[];
    }>;
    const config = await makeConfig({}, { mode: "production" });
    const made = new Set<string>(Object.keys(config.entry).map((name) => `${name}.js`));
    for (const plugin of config.plugins) {
      if (plugin.options?.output) made.add(plugin.options.output);
      if (plugin.userOptions?.filename) made.add(plugin.userOptions.filename);
    }
    const urls = [...resources.values()].filter((value) => value.startsWith("https://")).map((url) => url.replace(/^https:\/\/[^/]+\//, ""));
    const pages = urls.filter((file) => !file.startsWith("assets/"));
    expect(pages.filter((file) => !made.has(file))).toEqual([]);
    expect(made).toEqual(new Set(["addin.js", "functions.json", "taskpane.html"]));
  });
});
