import { escapeAttr } from "./xml";

/**
 * Edits of the workbook part's sheet list, made in its text so that everything else
 * in it (defined names, views, calculation settings, extensions) stays as it was.
 */

/** A start tag whose attribute values may hold `>`. */
const TAG_BODY = String.raw`(?:[^>"']|"[^"]*"|'[^']*')*`;
const SHEET = new RegExp(String.raw`<(\w+:)?sheet\b${TAG_BODY}>`, "g");
const DEFINED_NAME = new RegExp(String.raw`<(\w+:)?definedName\b(${TAG_BODY})(?:/>|>([\s\S]*?)</(?:\w+:)?definedName>)`, "g");

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(String.raw`\s(?:\w+:)?${name}\s*=\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

export class WorkbookXml {
  constructor(private xml: string) {}

  toString(): string {
    return this.xml;
  }

  private sheetTags(): { tag: string; index: number; at: number }[] {
    return [...this.xml.matchAll(SHEET)].map((m, index) => ({ tag: m[0], index, at: m.index }));
  }

  private find(relId: string) {
    const found = this.sheetTags().find((s) => attr(s.tag, "id") === relId);
    if (!found) throw new Error(`The workbook part lists no sheet ${relId}.`);
    return found;
  }

  maxSheetId(): number {
    return this.sheetTags().reduce((max, s) => Math.max(max, Number(attr(s.tag, "sheetId") ?? 0)), 0);
  }

  /** Names of the workbook's defined names (a table may not take one). */
  definedNames(): string[] {
    return [...this.xml.matchAll(DEFINED_NAME)].map((m) => attr(m[0], "name") ?? "");
  }

  rename(relId: string, name: string): void {
    const { tag, at } = this.find(relId);
    const renamed = tag.replace(/(\sname\s*=\s*)(?:"[^"]*"|'[^']*')/, `$1"${escapeAttr(name)}"`);
    this.xml = this.xml.slice(0, at) + renamed + this.xml.slice(at + tag.length);
  }

  /** Adds a sheet after the last one (so that no sheet's position, which defined names count by, moves). */
  append(name: string, sheetId: number, relId: string): void {
    const sheets = this.sheetTags();
    const last = sheets[sheets.length - 1];
    const prefix = last ? /\s(\w+):id\s*=/.exec(last.tag)?.[1] : undefined;
    const element = `<${last?.tag.match(/^<(\w+:)?/)?.[1] ?? ""}sheet name="${escapeAttr(name)}" sheetId="${sheetId}" ${prefix ?? "r"}:id="${relId}"/>`;
    if (last) {
      const end = last.at + last.tag.length;
      // A sheet element is empty; should one have a body, the new one goes after its end tag.
      const close = last.tag.endsWith("/>") ? end : this.xml.indexOf(">", this.xml.indexOf("</", end)) + 1;
      this.xml = this.xml.slice(0, close) + element + this.xml.slice(close);
    } else {
      const open = /<(\w+:)?sheets\b[^>]*?(\/?)>/.exec(this.xml);
      if (!open) throw new Error("The workbook part has no sheet list.");
      const body = open[2] ? `<${open[1] ?? ""}sheets>${element}</${open[1] ?? ""}sheets>` : open[0] + element;
      this.xml = this.xml.slice(0, open.index) + body + this.xml.slice(open.index + open[0].length);
    }
  }

  /** Removes a sheet; defined names local to it go, those of later sheets move up one, as do the views' tab numbers. */
  remove(relId: string): void {
    const { tag, index, at } = this.find(relId);
    const count = this.sheetTags().length;
    this.xml = this.xml.slice(0, at) + this.xml.slice(at + tag.length);
    this.xml = this.xml.replace(DEFINED_NAME, (whole, _prefix, attrs: string) => {
      const local = attr(attrs, "localSheetId");
      if (local === undefined) return whole;
      const n = Number(local);
      if (n === index) return "";
      return n > index ? whole.replace(/(localSheetId\s*=\s*")\d+/, `$1${n - 1}`) : whole;
    });
    this.xml = this.xml.replace(/(\s(?:activeTab|firstSheet)\s*=\s*")(\d+)/g, (_, head: string, n: string) => {
      const tab = Number(n);
      return `${head}${Math.max(0, Math.min(count - 2, tab > index ? tab - 1 : tab))}`;
    });
  }
}
