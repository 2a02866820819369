import { cellName, sheetReference } from "../../core/problems";
import type { OutValue } from "../../core/sheetSpec";
import { parseCellName } from "./cells";
import { WorkbookFileError } from "./errors";
import { parseRange } from "./package";
import { valueCell } from "./render";
import type { Attrs, XmlHandler } from "./xml";

/**
 * Single cells of an existing worksheet replaced, and rows added, while the rest of
 * its XML is copied as it is: styles, formulas, columns, merged cells and everything
 * else of the sheet stay byte for byte.
 */

/** What to write in one row: values by column, and the style of each new cell by column. */
export interface RowEdit {
  values: Map<number, OutValue>;
  /** Style index per column for cells that do not exist yet (an appended row takes the row above's formats). */
  styles?: Map<number, number>;
}

/** A write that would break the sheet; the message says which cell and why. Nothing is written. */
export class EditRefused extends WorkbookFileError {}

/** A formula other cells share (`t="shared"` or an array) whose master holds the text, with a `ref`. */
const SHARED_FORMULA = /<(?:\w+:)?f\b[^>]*\bt="(?:shared|array)"/;
const FORMULA_RANGE = /<(?:\w+:)?f\b[^>]*\bref="/;

interface CellSpan {
  col: number;
  start: number;
  end: number;
}

/**
 * An XmlHandler that copies a worksheet part to `out`, rewriting the rows in `edits`
 * (zero-based row → edit), adding those the sheet does not have, and widening the
 * `dimension` to cover them.
 */
export class SheetRewriter implements XmlHandler {
  private s = "";
  private copyFrom = 0;
  private inData = false;
  private sawData = false;
  private row = -1;
  /** The row being rewritten: its start tag, the text after it, and where its cells are in that text. */
  private capture: { index: number; startTag: string; content: string; cells: CellSpan[]; col: number; cellStart: number } | undefined;
  private readonly pending: number[];
  private next = 0;

  constructor(
    private readonly edits: Map<number, RowEdit>,
    private readonly out: (text: string) => void,
    private readonly sheet: string,
  ) {
    this.pending = [...edits.keys()].sort((a, b) => a - b);
  }

  /** The sheet had its data element (else it is no worksheet). */
  get complete(): boolean {
    return this.sawData;
  }

  begin(s: string): void {
    this.s = s;
    this.copyFrom = 0;
  }

  consumed(used: number): void {
    this.flush(used);
    this.copyFrom = 0;
  }

  /** Moves the unwritten text up to `to` to the output, or into the row being rewritten. */
  private flush(to: number): void {
    if (to <= this.copyFrom) return;
    const text = this.s.slice(this.copyFrom, to);
    if (this.capture) this.capture.content += text;
    else this.out(text);
    this.copyFrom = to;
  }

  open(name: string, attrs: Attrs, selfClosing: boolean, start: number, end: number): void {
    if (name === "sheetData") {
      this.sawData = true;
      if (selfClosing) {
        this.flush(start);
        this.out(`<sheetData>${this.rowsBefore(Infinity)}</sheetData>`);
        this.copyFrom = end;
      } else this.inData = true;
      return;
    }
    if (name === "dimension" && !this.inData) {
      this.flush(start);
      this.out(`<dimension ref="${this.dimension(attrs.get("ref"))}"/>`);
      this.copyFrom = end;
      return;
    }
    if (!this.inData) return;
    if (name === "row") {
      const r = attrs.get("r");
      this.row = r === undefined ? this.row + 1 : Number(r) - 1;
      this.flush(start);
      const before = this.rowsBefore(this.row);
      if (before) this.out(before);
      if (!this.edits.has(this.row)) return;
      this.next++;
      const startTag = this.s.slice(start, end);
      this.copyFrom = end;
      if (selfClosing) {
        this.out(this.rewrite({ index: this.row, startTag, content: "", cells: [] }));
        return;
      }
      this.capture = { index: this.row, startTag, content: "", cells: [], col: -1, cellStart: 0 };
      return;
    }
    if (name === "c" && this.capture) {
      const r = attrs.get("r");
      const at = r === undefined ? undefined : parseCellName(r);
      this.capture.col = at ? at.col : this.capture.col + 1;
      this.flush(start);
      this.capture.cellStart = this.capture.content.length;
    }
  }

  close(name: string, start: number, end: number): void {
    if (!this.inData) return;
    if (name === "c" && this.capture) {
      this.flush(end);
      const { capture } = this;
      capture.cells.push({ col: capture.col, start: capture.cellStart, end: capture.content.length });
      return;
    }
    if (name === "row" && this.capture) {
      this.flush(start);
      const row = this.capture;
      this.capture = undefined;
      this.out(this.rewrite(row));
      this.copyFrom = end;
      return;
    }
    if (name === "sheetData") {
      this.flush(start);
      const rest = this.rowsBefore(Infinity);
      if (rest) this.out(rest);
      this.inData = false;
    }
  }

  text(): void {}

  /** New rows (no row element in the sheet) that go before row `index`. */
  private rowsBefore(index: number): string {
    let xml = "";
    while (this.next < this.pending.length && this.pending[this.next] < index) {
      const row = this.pending[this.next++];
      xml += this.rewrite({ index: row, startTag: `<row r="${row + 1}">`, content: "", cells: [] });
    }
    return xml;
  }

  private rewrite(row: { index: number; startTag: string; content: string; cells: CellSpan[] }): string {
    const edit = this.edits.get(row.index)!;
    const r = row.index + 1;
    const kept = new Map<number, string>();
    let rest = "";
    let at = 0;
    for (const cell of row.cells) {
      rest += row.content.slice(at, cell.start);
      kept.set(cell.col, row.content.slice(cell.start, cell.end));
      at = cell.end;
    }
    rest += row.content.slice(at);
    const cols = new Set([...kept.keys(), ...edit.values.keys()]);
    let cells = "";
    for (const col of [...cols].sort((a, b) => a - b)) {
      const ref = cellName(row.index, col);
      const old = kept.get(col);
      if (!edit.values.has(col)) {
        // A cell written without its name relied on its position; it gets one, as cells may now come before it.
        cells += /^<(?:\w+:)?c\s[^>]*\br="/.test(old!) ? old : old!.replace(/^<((?:\w+:)?c)(?=[\s/>])/, `<$1 r="${ref}"`);
        continue;
      }
      if (old !== undefined && SHARED_FORMULA.test(old) && FORMULA_RANGE.test(old)) {
        throw new EditRefused(
          `${sheetReference(this.sheet, ref)} holds a formula that other cells share, so Planster does not write over it: clear or move it in Excel and run again.`,
        );
      }
      const s = old !== undefined ? Number(/\bs="(\d+)"/.exec(/^<[^>]*>/.exec(old)?.[0] ?? "")?.[1] ?? 0) : (edit.styles?.get(col) ?? 0);
      const value = edit.values.get(col)!;
      if (value === null || value === "") {
        if (s) cells += `<c r="${ref}" s="${s}"/>`;
      } else cells += valueCell(ref, s, value);
    }
    // The span hint would no longer say which columns the row uses.
    const startTag = row.startTag.replace(/\sspans="[^"]*"/, "").replace(/\/>$/, ">");
    return `${startTag.replace(/\br="\d*"/, `r="${r}"`).replace(/^<((?:\w+:)?row)(?![^>]*\br=)/, `<$1 r="${r}"`)}${cells}${rest.trim()}</${startTag.slice(1).split(/[\s>]/)[0]}>`;
  }

  /** The used range widened to the edited cells. */
  private dimension(ref: string | undefined): string {
    const range = ref ? parseRange(ref) : undefined;
    let { fromRow, fromCol, toRow, toCol } = range ?? { fromRow: Infinity, fromCol: Infinity, toRow: -1, toCol: -1 };
    for (const [row, edit] of this.edits) {
      for (const [col, value] of edit.values) {
        if (value === null || value === "") continue;
        fromRow = Math.min(fromRow, row);
        toRow = Math.max(toRow, row);
        fromCol = Math.min(fromCol, col);
        toCol = Math.max(toCol, col);
      }
    }
    if (toRow < 0) return ref ?? "A1";
    const from = cellName(fromRow, fromCol);
    const to = cellName(toRow, toCol);
    return from === to ? from : `${from}:${to}`;
  }
}
