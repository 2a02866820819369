import { parseCellName } from "./cells";
import { child, children, escapeAttr, parseXml } from "./xml";

/** The parts of an .xlsx package and how they point at each other (Open Packaging Conventions). */

const RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const REL = {
  officeDocument: `${RELS}/officeDocument`,
  worksheet: `${RELS}/worksheet`,
  sharedStrings: `${RELS}/sharedStrings`,
  styles: `${RELS}/styles`,
  table: `${RELS}/table`,
  calcChain: `${RELS}/calcChain`,
  coreProperties: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
  extendedProperties: `${RELS}/extended-properties`,
};

export const CONTENT = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  relationships: "application/vnd.openxmlformats-package.relationships+xml",
  coreProperties: "application/vnd.openxmlformats-package.core-properties+xml",
  extendedProperties: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
};

export interface Relationship {
  id: string;
  /** The relationship's type, with "strict" OOXML's namespace read as the usual one. */
  type: string;
  /** The part it points at, resolved to a package path (no leading `/`). */
  target: string;
  /** The target as written, to write it again. */
  rawTarget: string;
  external: boolean;
}

/** Where the relationships of a part live: `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target as a package path: relative to its source part's folder, or absolute with `/`. */
export function resolveTarget(source: string, target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : source.slice(0, source.lastIndexOf("/") + 1) + target;
  const out: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "..") out.pop();
    else if (segment !== "." && segment !== "") out.push(segment);
  }
  return decodeURIComponent(out.join("/"));
}

/** `source` is the part whose relationships these are ("" for the package's own). */
export function parseRelationships(xml: string, source: string): Relationship[] {
  return children(parseXml(xml), "Relationship").map((r) => ({
    id: r.attrs.Id ?? "",
    type: (r.attrs.Type ?? "").replace("http://purl.oclc.org/ooxml/officeDocument/relationships", RELS),
    target: r.attrs.TargetMode === "External" ? (r.attrs.Target ?? "") : resolveTarget(source || "/", r.attrs.Target ?? ""),
    rawTarget: r.attrs.Target ?? "",
    external: r.attrs.TargetMode === "External",
  }));
}

export function relationshipsXml(rels: readonly Relationship[]): string {
  const items = rels.map(
    (r) => `<Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.rawTarget)}"${r.external ? ' TargetMode="External"' : ""}/>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join("")}</Relationships>`;
}

/** A relationship from `source` to the package path `target`, written relative to the source's folder. */
export function relationTo(source: string, id: string, type: string, target: string): Relationship {
  const from = source.split("/").slice(0, -1);
  const to = target.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const rawTarget = [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
  return { id, type, target, rawTarget, external: false };
}

/** The first `rId<n>` not taken. */
export function freeRelId(rels: readonly Relationship[]): string {
  const taken = new Set(rels.map((r) => r.id));
  let n = rels.length + 1;
  while (taken.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** [Content_Types].xml: content types by extension and by part. */
export class ContentTypes {
  readonly defaults = new Map<string, string>();
  /** By part name without its leading `/`, lower case (part names compare case-insensitively). */
  readonly overrides = new Map<string, { part: string; type: string }>();

  static parse(xml: string | undefined): ContentTypes {
    const types = new ContentTypes();
    if (xml) {
      const root = parseXml(xml);
      for (const d of children(root, "Default")) types.defaults.set((d.attrs.Extension ?? "").toLowerCase(), d.attrs.ContentType ?? "");
      for (const o of children(root, "Override")) types.set((o.attrs.PartName ?? "").replace(/^\//, ""), o.attrs.ContentType ?? "");
    }
    types.defaults.set("rels", types.defaults.get("rels") ?? CONTENT.relationships);
    types.defaults.set("xml", types.defaults.get("xml") ?? "application/xml");
    return types;
  }

  set(part: string, type: string): void {
    this.overrides.set(part.toLowerCase(), { part, type });
  }

  delete(part: string): void {
    this.overrides.delete(part.toLowerCase());
  }

  xml(): string {
    const defaults = [...this.defaults].map(([ext, type]) => `<Default Extension="${escapeAttr(ext)}" ContentType="${escapeAttr(type)}"/>`);
    const overrides = [...this.overrides.values()].map(({ part, type }) => `<Override PartName="/${escapeAttr(part)}" ContentType="${escapeAttr(type)}"/>`);
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${defaults.join("")}${overrides.join("")}</Types>`;
  }
}

export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  /** Hidden sheets are read like the others (a planner may hide a lookup sheet). */
  state?: string;
}

export interface WorkbookPart {
  sheets: SheetEntry[];
  date1904: boolean;
}

export function parseWorkbook(xml: string): WorkbookPart {
  const root = parseXml(xml);
  const pr = child(root, "workbookPr");
  const flag = pr?.attrs.date1904;
  return {
    date1904: flag === "1" || flag === "true",
    sheets: children(child(root, "sheets"), "sheet").map((s) => ({
      name: s.attrs.name ?? "",
      sheetId: Number(s.attrs.sheetId ?? 0),
      relId: s.attrs.id ?? "",
      state: s.attrs.state,
    })),
  };
}

/** A zero-based, inclusive cell range. */
export interface Range {
  fromRow: number;
  fromCol: number;
  toRow: number;
  toCol: number;
}

export function parseRange(ref: string): Range | undefined {
  const [a, b = a] = ref.replace(/\$/g, "").split(":");
  const from = parseCellName(a);
  const to = parseCellName(b);
  if (!from || !to) return undefined;
  return { fromRow: Math.min(from.row, to.row), fromCol: Math.min(from.col, to.col), toRow: Math.max(from.row, to.row), toCol: Math.max(from.col, to.col) };
}

export interface TablePart {
  path: string;
  id: number;
  /** The name formulas and the add-in use (`displayName`). */
  name: string;
  range: Range;
  headerRows: number;
  totalsRows: number;
}

export function parseTable(xml: string, path: string): TablePart | undefined {
  const root = parseXml(xml);
  const range = parseRange(root.attrs.ref ?? "");
  if (!range) return undefined;
  return {
    path,
    id: Number(root.attrs.id ?? 0),
    name: root.attrs.displayName ?? root.attrs.name ?? "",
    range,
    headerRows: root.attrs.headerRowCount === undefined ? 1 : Number(root.attrs.headerRowCount),
    totalsRows: Number(root.attrs.totalsRowCount ?? 0),
  };
}

/** docProps/core.xml's dates. */
export function parseCoreProperties(xml: string): { created?: Date; modified?: Date } {
  const root = parseXml(xml);
  const date = (name: string) => {
    const text = child(root, name)?.text.trim();
    const ms = text ? Date.parse(text) : NaN;
    return Number.isNaN(ms) ? undefined : new Date(ms);
  };
  return { created: date("created"), modified: date("modified") };
}
