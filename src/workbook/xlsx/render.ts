import { cellName, columnLetters } from "../../core/problems";
import type { CellStyle, OutValue, SheetSpec, StreamedRow, StyledRange } from "../../core/sheetSpec";
import type { StyleSheet } from "./styles";
import { escapeAttr, escapeText } from "./xml";

/**
 * The one .xlsx sheet renderer: a SheetSpec (values, column formats, styles, widths,
 * its table, frozen rows, print settings) as worksheet XML, row by row, so that a sheet
 * of a million rows is never held as a string. Pure TypeScript: the CLI writes it into
 * files and the pane into new workbooks.
 */

/** Excel's rows per sheet, its header included. */
export const SHEET_ROWS = 1_048_576;
/** Excel's longest cell text. */
const LONGEST_TEXT = 32_767;

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A row with its position in the whole sheet (a continuation sheet's rows keep theirs, for styles). */
export interface NumberedRow extends StreamedRow {
  index: number;
}

/**
 * The rows of a sheet to write: the spec's own, then the streamed ones, numbered as one
 * sheet. A sheet longer than Excel holds is written as several: each continuation
 * starts with the head rows again (those down to the table's header).
 */
export class RowSource {
  private position = 0;
  private peeked: NumberedRow | undefined;
  private readonly more: Iterator<StreamedRow> | undefined;
  /** Rows repeated at the top of a continuation sheet. */
  readonly headCount: number;

  constructor(
    readonly spec: SheetSpec,
    more?: Iterable<StreamedRow>,
  ) {
    this.more = more?.[Symbol.iterator]();
    this.headCount = Math.min(spec.rows.length, spec.table ? spec.table.headerRow + 1 : (spec.freezeRows ?? 0));
  }

  next(): NumberedRow | undefined {
    if (this.peeked) {
      const row = this.peeked;
      this.peeked = undefined;
      return row;
    }
    const index = this.position;
    if (index < this.spec.rows.length) {
      this.position++;
      return { index, values: this.spec.rows[index] };
    }
    const step = this.more?.next();
    if (!step || step.done) return undefined;
    this.position++;
    return { index, values: step.value.values, style: step.value.style };
  }

  get done(): boolean {
    this.peeked ??= this.next();
    return this.peeked === undefined;
  }

  head(): NumberedRow[] {
    return this.spec.rows.slice(0, this.headCount).map((values, index) => ({ index, values }));
  }

  /** The rows of one sheet: at most `limit`, the head rows first on a continuation. */
  *sheet(continuation: boolean, limit = SHEET_ROWS): Generator<NumberedRow> {
    let written = 0;
    if (continuation) {
      for (const row of this.head()) {
        written++;
        yield row;
      }
    }
    while (written < limit) {
      const row = this.next();
      if (!row) return;
      written++;
      yield row;
    }
  }
}

/** Text cells of a new workbook, shared (each distinct text stored once). */
export class SharedStringTable {
  private readonly indexes = new Map<string, number>();
  private readonly list: string[] = [];
  private references = 0;

  index(text: string): number {
    this.references++;
    let index = this.indexes.get(text);
    if (index === undefined) {
      index = this.list.length;
      this.list.push(text);
      this.indexes.set(text, index);
    }
    return index;
  }

  get size(): number {
    return this.list.length;
  }

  *xml(): Generator<string> {
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN_NS}" count="${this.references}" uniqueCount="${this.list.length}">`;
    let chunk = "";
    for (const text of this.list) {
      chunk += `<si>${textElement(text)}</si>`;
      if (chunk.length > 65_536) {
        yield chunk;
        chunk = "";
      }
    }
    yield `${chunk}</sst>`;
  }
}

function textElement(text: string): string {
  const t = escapeText(text.length > LONGEST_TEXT ? text.slice(0, LONGEST_TEXT) : text);
  return /^\s|\s$/.test(t) ? `<t xml:space="preserve">${t}</t>` : `<t>${t}</t>`;
}

export interface RenderContext {
  styles: StyleSheet;
  /** A new workbook shares its texts; a sheet written into an existing one holds them inline. */
  strings?: SharedStringTable;
  /** The relationship id of the sheet's table part, when the spec has a table. */
  tableRel?: string;
  /** The sheet is the workbook's active one. */
  selected?: boolean;
}

/** What a rendered sheet turned out to hold. */
export interface RenderedSheet {
  rows: number;
  /** Columns of the widest row. */
  cols: number;
}

/** Style ranges looked up by row: most cover one row (a highlighted plan line), a few cover many. */
class RangeIndex {
  private readonly byRow = new Map<number, number[]>();
  private readonly tall: number[] = [];

  constructor(readonly ranges: readonly StyledRange[]) {
    ranges.forEach((range, i) => {
      if (range.toRow - range.fromRow > 64) this.tall.push(i);
      else
        for (let r = range.fromRow; r <= range.toRow; r++) {
          let list = this.byRow.get(r);
          if (!list) this.byRow.set(r, (list = []));
          list.push(i);
        }
    });
  }

  /** Indexes of the ranges covering `row`, in the spec's order. */
  at(row: number): number[] {
    const own = this.byRow.get(row);
    if (this.tall.length === 0) return own ?? [];
    const out = [...(own ?? []), ...this.tall.filter((i) => this.ranges[i].fromRow <= row && this.ranges[i].toRow >= row)];
    return out.sort((a, b) => a - b);
  }
}

function merge(into: CellStyle, style: CellStyle): CellStyle {
  return { ...into, ...Object.fromEntries(Object.entries(style).filter(([, v]) => v !== undefined)) };
}

/** Cell style indexes of one kind of row (data or not, its ranges, its own style), by column. */
class RowStyles {
  private readonly cache = new Map<string, { xf: number[]; width: number }>();
  private readonly ids = new Map<CellStyle, number>();
  private readonly ranges: RangeIndex;
  private readonly firstDataRow: number;

  constructor(
    private readonly spec: SheetSpec,
    private readonly styles: StyleSheet,
  ) {
    this.ranges = new RangeIndex(spec.styles ?? []);
    this.firstDataRow = spec.table ? spec.table.headerRow + 1 : 0;
  }

  /** Per column of the row, its style index; `width`: the columns the row's styles reach. */
  of(row: NumberedRow): { xf: number[]; width: number } {
    const covering = this.ranges.at(row.index);
    const data = row.index >= this.firstDataRow;
    let styleId = 0;
    if (row.style) {
      styleId = this.ids.get(row.style) ?? this.ids.size + 1;
      this.ids.set(row.style, styleId);
    }
    const key = `${data ? 1 : 0}|${covering.join(",")}|${styleId}`;
    let found = this.cache.get(key);
    if (!found) {
      found = this.build(covering, data, row.style);
      this.cache.set(key, found);
    }
    return found;
  }

  private build(covering: number[], data: boolean, rowStyle: CellStyle | undefined): { xf: number[]; width: number } {
    const formats = data ? (this.spec.columnFormats ?? {}) : {};
    const ranges = covering.map((i) => this.spec.styles![i]);
    let width = 0;
    for (const r of ranges) width = Math.max(width, r.toCol + 1);
    for (const col of Object.keys(formats)) width = Math.max(width, Number(col) + 1);
    // A row's own style reaches across the sheet: the header's width.
    const sheetWidth = this.spec.rows[this.spec.table?.headerRow ?? 0]?.length ?? 0;
    if (rowStyle) width = Math.max(width, sheetWidth);
    const xf: number[] = [];
    for (let c = 0; c < Math.max(width, sheetWidth); c++) {
      let style: CellStyle = {};
      const format = formats[c];
      if (format) style.numberFormat = format;
      for (const r of ranges) if (c >= r.fromCol && c <= r.toCol) style = merge(style, r.style);
      if (rowStyle) style = merge(style, rowStyle);
      xf.push(this.styles.index(Object.keys(style).length ? style : undefined));
    }
    // Empty cells are written only where a style reaches (a fill across a highlighted row).
    return { xf, width: ranges.length || rowStyle ? width : 0 };
  }
}

/**
 * One cell holding a value (not blank), with its style index (0: none). Text is shared
 * when `strings` is given, else inline; inline text is never a formula: `=SUM(…)`
 * typed by a supplier stays text.
 */
export function valueCell(ref: string, s: number, value: string | number | boolean, strings?: SharedStringTable): string {
  const style = s ? ` s="${s}"` : "";
  if (typeof value === "number") return Number.isFinite(value) ? `<c r="${ref}"${style}><v>${value}</v></c>` : `<c r="${ref}"${style} t="e"><v>#NUM!</v></c>`;
  if (typeof value === "boolean") return `<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (strings) return `<c r="${ref}"${style} t="s"><v>${strings.index(value.length > LONGEST_TEXT ? value.slice(0, LONGEST_TEXT) : value)}</v></c>`;
  return `<c r="${ref}"${style} t="inlineStr"><is>${textElement(value)}</is></c>`;
}

/** Column letters, made once per column. */
const letters: string[] = [];
function letter(col: number): string {
  return (letters[col] ??= columnLetters(col));
}

/** The table's column names: its header cells as text, blanks and repeats made unique as Excel requires. */
export function tableColumns(header: readonly OutValue[]): string[] {
  const seen = new Set<string>();
  return header.map((value, i) => {
    let name =
      value === null || value === undefined
        ? ""
        : String(value)
            .replace(/[\r\n]+/g, " ")
            .trim();
    if (!name) name = `Column${i + 1}`;
    let unique = name;
    for (let n = 2; seen.has(unique.toLowerCase()); n++) unique = `${name}${n}`;
    seen.add(unique.toLowerCase());
    return unique;
  });
}

/**
 * The worksheet XML of `rows`, in pieces of about 64 KB. `result` is filled in when the
 * last piece has been taken.
 */
export function* renderSheet(spec: SheetSpec, rows: Iterable<NumberedRow>, context: RenderContext, result: RenderedSheet): Generator<string> {
  yield sheetStart(spec, context);
  const rowStyles = new RowStyles(spec, context.styles);
  const strings = context.strings;
  const headerRow = spec.table?.headerRow;
  const names = spec.table ? tableColumns(spec.rows[spec.table.headerRow] ?? []) : [];
  let local = 0;
  let cols = 0;
  let chunk = "";
  for (const row of rows) {
    const values = row.index === headerRow ? names : row.values;
    const { xf, width } = rowStyles.of(row);
    const n = Math.max(values.length, width);
    const r = local + 1;
    let xml = `<row r="${r}">`;
    for (let c = 0; c < n; c++) {
      const value = c < values.length ? values[c] : null;
      const s = c < xf.length ? xf[c] : 0;
      if (value === null || value === undefined || value === "") {
        if (s && c < width) xml += `<c r="${letter(c)}${r}" s="${s}"/>`;
        continue;
      }
      if (c >= cols) cols = c + 1;
      xml += valueCell(`${letter(c)}${r}`, s, value, strings);
    }
    chunk += `${xml}</row>`;
    local++;
    if (chunk.length > 65_536) {
      yield chunk;
      chunk = "";
    }
  }
  result.rows = local;
  result.cols = Math.max(cols, names.length);
  yield chunk + sheetEnd(spec, context);
}

function sheetStart(spec: SheetSpec, context: RenderContext): string {
  const parts = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`];
  if (spec.print?.fitToWidth) parts.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  const selected = context.selected ? ' tabSelected="1"' : "";
  const freeze = spec.freezeRows ?? 0;
  if (freeze > 0) {
    const topLeft = cellName(freeze, 0);
    parts.push(
      `<sheetViews><sheetView${selected} workbookViewId="0"><pane ySplit="${freeze}" topLeftCell="${topLeft}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`,
    );
  } else parts.push(`<sheetViews><sheetView${selected} workbookViewId="0"/></sheetViews>`);
  parts.push('<sheetFormatPr defaultRowHeight="15"/>');
  if (spec.widths?.length) {
    parts.push(`<cols>${spec.widths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`);
  }
  parts.push("<sheetData>");
  return parts.join("");
}

/** Rows under the header that get a column's dropdown, as the Office adapter gives them. */
const CHOICE_ROWS = 10_000;
/** Excel's longest list of choices written in the rule itself. */
const LONGEST_CHOICES = 255;

/** A column's choices as an in-cell dropdown; a list longer than Excel takes is left out rather than damage the file. */
function dropdowns(spec: SheetSpec): string {
  const below = (spec.table?.headerRow ?? 0) + 1;
  const rules = (spec.choices ?? []).flatMap(({ col, values }) => {
    const list = values.map((v) => v.replace(/"/g, '""')).join(",");
    if (list.length > LONGEST_CHOICES || values.length === 0) return [];
    const sqref = `${letter(col)}${below + 1}:${letter(col)}${below + CHOICE_ROWS}`;
    return [`<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${sqref}"><formula1>${escapeText(`"${list}"`)}</formula1></dataValidation>`];
  });
  return rules.length ? `<dataValidations count="${rules.length}">${rules.join("")}</dataValidations>` : "";
}

function sheetEnd(spec: SheetSpec, context: RenderContext): string {
  const parts = ["</sheetData>", dropdowns(spec), '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'];
  if (spec.print) {
    const { landscape, fitToWidth } = spec.print;
    parts.push(`<pageSetup orientation="${landscape ? "landscape" : "portrait"}"${fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ""}/>`);
    // In a header, `&` starts a code: a title's own `&` is doubled.
    if (spec.print.title) parts.push(`<headerFooter><oddHeader>${escapeText(`&C${spec.print.title.replace(/&/g, "&&")}`)}</oddHeader></headerFooter>`);
  }
  if (context.tableRel) parts.push(`<tableParts count="1"><tablePart r:id="${context.tableRel}"/></tableParts>`);
  parts.push("</worksheet>");
  return parts.join("");
}

export interface TableDefinition {
  /** Unique over the workbook's tables. */
  id: number;
  name: string;
  /** Zero-based row of the header on the sheet. */
  headerRow: number;
  /** Rows of the sheet written, the header's and those above it included. */
  rows: number;
  columns: string[];
  style?: string;
}

/** A table part: the header row and every row below it; at least one data row, as Excel requires. */
export function tableXml(table: TableDefinition): string {
  const last = Math.max(table.rows, table.headerRow + 2) - 1;
  const ref = `A${table.headerRow + 1}:${letter(Math.max(table.columns.length, 1) - 1)}${last + 1}`;
  const columns = table.columns.map((name, i) => `<tableColumn id="${i + 1}" name="${escapeAttr(name)}"/>`).join("");
  return [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${MAIN_NS}" id="${table.id}" name="${escapeAttr(table.name)}" displayName="${escapeAttr(table.name)}" ref="${ref}" totalsRowShown="0">`,
    `<autoFilter ref="${ref}"/>`,
    `<tableColumns count="${table.columns.length}">${columns}</tableColumns>`,
    `<tableStyleInfo name="${escapeAttr(table.style ?? "TableStyleMedium2")}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>`,
    "</table>",
  ].join("");
}
