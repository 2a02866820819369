import type { CellStyle } from "../../core/sheetSpec";
import { child, children, escapeAttr, parseXml, type XmlElement } from "./xml";

/**
 * The workbook's styles part: which cell formats are dates (for reading), and the
 * formats Planster's sheets need, added to an existing part or to a new one.
 */

/** Number formats every Excel knows by id (ECMA-376 §18.8.30, the locale-independent ones). */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "mm-dd-yy": 14,
  "d-mmm-yy": 15,
  "d-mmm": 16,
  "mmm-yy": 17,
  "h:mm AM/PM": 18,
  "h:mm:ss AM/PM": 19,
  "h:mm": 20,
  "h:mm:ss": 21,
  "m/d/yy h:mm": 22,
  "@": 49,
};

/** Built-in ids that show a date or time (the CJK ones included). */
function isBuiltinDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** A format code shows a date when a date or time token is left once quoted text, escapes and [colours] are gone. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, "");
  return /[dmyhs]/i.test(bare.replace(/General/gi, "").replace(/E[+-]/g, ""));
}

/** For each cell format (an `s` attribute), whether its numbers are dates. */
export function dateStyles(stylesXml: string | undefined): boolean[] {
  if (!stylesXml) return [];
  const root = parseXml(stylesXml);
  const custom = new Map<number, string>();
  for (const f of children(child(root, "numFmts"), "numFmt")) custom.set(Number(f.attrs.numFmtId), f.attrs.formatCode ?? "");
  return children(child(root, "cellXfs"), "xf").map((xf) => {
    const id = Number(xf.attrs.numFmtId ?? 0);
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : isBuiltinDate(id);
  });
}

const DEFAULT_FONT = { name: "Calibri", size: 11, family: "2", scheme: "minor" };

interface BaseFont {
  name: string;
  size: number;
  family?: string;
  scheme?: string;
  /** The default font's colour as written (`theme="1"`), kept on fonts that set none. */
  color?: string;
}

/** Where a collection's new entries go in an existing part, and how many it holds. */
interface Collection {
  name: string;
  existing: number;
  added: string[];
}

/**
 * Cell formats by style: each distinct CellStyle (with a number format) gets one
 * `xf` index, added to the workbook's own styles so that nothing of them changes.
 */
export class StyleSheet {
  private readonly xfIndex = new Map<string, number>();
  private readonly fontIndex = new Map<string, number>();
  private readonly fillIndex = new Map<string, number>();
  private readonly formatIds = new Map<string, number>();
  private nextFormatId = 164;
  private readonly collections: Record<"numFmts" | "fonts" | "fills" | "cellXfs", Collection>;
  private readonly font: BaseFont;

  private constructor(
    private readonly source: string | undefined,
    root: XmlElement | undefined,
  ) {
    const count = (name: string, item: string) => children(child(root, name), item).length;
    this.collections = {
      numFmts: { name: "numFmts", existing: count("numFmts", "numFmt"), added: [] },
      fonts: { name: "fonts", existing: root ? count("fonts", "font") : 1, added: [] },
      fills: { name: "fills", existing: root ? count("fills", "fill") : 2, added: [] },
      cellXfs: { name: "cellXfs", existing: root ? count("cellXfs", "xf") : 1, added: [] },
    };
    for (const f of children(child(root, "numFmts"), "numFmt")) {
      const id = Number(f.attrs.numFmtId);
      if (f.attrs.formatCode !== undefined && !this.formatIds.has(f.attrs.formatCode)) this.formatIds.set(f.attrs.formatCode, id);
      if (id >= this.nextFormatId) this.nextFormatId = id + 1;
    }
    const first = child(child(root, "fonts"), "font");
    const val = (name: string) => child(first, name)?.attrs.val;
    const color = child(first, "color");
    this.font = first
      ? {
          name: val("name") ?? DEFAULT_FONT.name,
          size: Number(val("sz") ?? DEFAULT_FONT.size),
          family: val("family"),
          scheme: val("scheme"),
          color: color
            ? Object.entries(color.attrs)
                .map(([k, v]) => `${k}="${escapeAttr(v)}"`)
                .join(" ")
            : undefined,
        }
      : { ...DEFAULT_FONT, color: 'theme="1"' };
    // Cell format 0 is the default; an empty style uses it.
    this.xfIndex.set("{}", 0);
  }

  /** Styles for a new workbook. */
  static fresh(): StyleSheet {
    return new StyleSheet(undefined, undefined);
  }

  /** Styles added to a workbook's own styles part. */
  static extending(stylesXml: string): StyleSheet {
    return new StyleSheet(stylesXml, parseXml(stylesXml));
  }

  get changed(): boolean {
    return this.source === undefined || Object.values(this.collections).some((c) => c.added.length > 0);
  }

  /** The `s` index of a cell with this style (0 for none). */
  index(style: CellStyle | undefined): number {
    if (!style) return 0;
    const key = styleKey(style);
    let index = this.xfIndex.get(key);
    if (index !== undefined) return index;
    const formatId = style.numberFormat ? this.formatId(style.numberFormat) : 0;
    const fontId = style.bold || style.italic || style.fontSize || style.color ? this.fontId(style) : 0;
    const fillId = style.fill ? this.fillId(style.fill) : 0;
    const apply = [
      formatId ? ' applyNumberFormat="1"' : "",
      fontId ? ' applyFont="1"' : "",
      fillId ? ' applyFill="1"' : "",
      style.align || style.wrap ? ' applyAlignment="1"' : "",
    ].join("");
    const alignment = style.align || style.wrap ? `<alignment${style.align ? ` horizontal="${style.align}"` : ""}${style.wrap ? ' wrapText="1"' : ""}/>` : "";
    const xf = `<xf numFmtId="${formatId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${apply}${alignment ? `>${alignment}</xf>` : "/>"}`;
    index = this.add("cellXfs", xf);
    this.xfIndex.set(key, index);
    return index;
  }

  private add(name: keyof StyleSheet["collections"], xml: string): number {
    const collection = this.collections[name];
    collection.added.push(xml);
    return collection.existing + collection.added.length - 1;
  }

  private formatId(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let id = this.formatIds.get(code);
    if (id === undefined) {
      id = this.nextFormatId++;
      this.formatIds.set(code, id);
      this.add("numFmts", `<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    }
    return id;
  }

  private fontId(style: CellStyle): number {
    const key = `${style.bold ?? ""}|${style.italic ?? ""}|${style.fontSize ?? ""}|${style.color ?? ""}`;
    let id = this.fontIndex.get(key);
    if (id === undefined) {
      const f = this.font;
      const color = style.color ? `rgb="FF${style.color}"` : f.color;
      const xml = [
        "<font>",
        style.bold ? "<b/>" : "",
        style.italic ? "<i/>" : "",
        `<sz val="${style.fontSize ?? f.size}"/>`,
        color ? `<color ${color}/>` : "",
        `<name val="${escapeAttr(f.name)}"/>`,
        f.family ? `<family val="${escapeAttr(f.family)}"/>` : "",
        f.scheme ? `<scheme val="${escapeAttr(f.scheme)}"/>` : "",
        "</font>",
      ].join("");
      id = this.add("fonts", xml);
      this.fontIndex.set(key, id);
    }
    return id;
  }

  private fillId(rgb: string): number {
    let id = this.fillIndex.get(rgb);
    if (id === undefined) {
      id = this.add("fills", `<fill><patternFill patternType="solid"><fgColor rgb="FF${rgb}"/><bgColor indexed="64"/></patternFill></fill>`);
      this.fillIndex.set(rgb, id);
    }
    return id;
  }

  /** The styles part with the added formats. */
  xml(): string {
    if (this.source === undefined) return this.freshXml();
    let xml = this.source;
    for (const collection of Object.values(this.collections)) {
      if (collection.added.length === 0) continue;
      xml = insertInto(xml, collection);
    }
    return xml;
  }

  private freshXml(): string {
    const c = this.collections;
    const f = this.font;
    const list = (name: string, first: string[], added: string[]) => {
      const all = [...first, ...added];
      return all.length ? `<${name} count="${all.length}">${all.join("")}</${name}>` : "";
    };
    return [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
      list("numFmts", [], c.numFmts.added),
      list("fonts", [`<font><sz val="${f.size}"/><color ${f.color}/><name val="${f.name}"/><family val="${f.family}"/><scheme val="${f.scheme}"/></font>`], c.fonts.added),
      list("fills", ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'], c.fills.added),
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>',
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
      list("cellXfs", ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'], c.cellXfs.added),
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
      '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>',
      "</styleSheet>",
    ].join("");
  }
}

function styleKey(style: CellStyle): string {
  return JSON.stringify([style.bold, style.italic, style.fontSize, style.numberFormat, style.fill, style.color, style.align, style.wrap]);
}

/** The order of a styleSheet's first children (CT_Stylesheet), to place a collection the part lacks. */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

/** Adds entries at the end of a collection of an existing styles part, its count updated. */
function insertInto(xml: string, collection: Collection): string {
  const { name, existing, added } = collection;
  const total = existing + added.length;
  const open = new RegExp(`<((?:\\w+:)?)${name}(\\s[^>]*?)?(/?)>`).exec(xml);
  if (open) {
    const prefix = open[1];
    const attrs = (open[2] ?? "").replace(/\scount="\d*"/, "");
    const head = `<${prefix}${name} count="${total}"${attrs}>`;
    const body = prefix ? added.map((x) => x.replace(/<(\/?)(\w)/g, `<$1${prefix}$2`)).join("") : added.join("");
    if (open[3]) return xml.slice(0, open.index) + head + body + `</${prefix}${name}>` + xml.slice(open.index + open[0].length);
    const closeTag = `</${prefix}${name}>`;
    const close = xml.indexOf(closeTag, open.index);
    return xml.slice(0, open.index) + head + xml.slice(open.index + open[0].length, close) + body + xml.slice(close);
  }
  // The part has no such collection: it goes before the first child that follows it in the schema's order.
  const later = ORDER.slice(ORDER.indexOf(name) + 1);
  const element = `<${name} count="${total}">${added.join("")}</${name}>`;
  for (const next of later) {
    const at = new RegExp(`<(?:\\w+:)?${next}[\\s/>]`).exec(xml);
    if (at) return xml.slice(0, at.index) + element + xml.slice(at.index);
  }
  const end = xml.lastIndexOf("</");
  return xml.slice(0, end) + element + xml.slice(end);
}
