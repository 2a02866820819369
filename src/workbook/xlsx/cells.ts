import { dayFromSerial } from "../../core/dates";
import { type CellValue, Uncalculated } from "../../core/input";
import { type Attrs, decodeEntities, decodeEscapes, type XmlHandler } from "./xml";

/** Excel's last row and column, zero-based. */
export const LAST_ROW = 1_048_575;
export const LAST_COL = 16_383;
/** Excel's first and last date serials (1900-01-01, 9999-12-31): only numbers between them become dates. */
const FIRST_SERIAL = 1;
const LAST_SERIAL = 2_958_465;
const MS_PER_DAY = 86_400_000;
/** A cell's text as the file holds it (entities and rich-text runs included) is far shorter than this. */
const LONGEST_CELL = 1_000_000;

/** A file defect that stops reading; the message completes "the file is …". */
export class SheetDefect extends Error {}

/** `AB12` → zero-based row and column, or undefined when it is no cell name. */
export function parseCellName(name: string): { row: number; col: number } | undefined {
  let i = 0;
  let col = 0;
  const n = name.length;
  while (i < n) {
    const c = name.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
    i++;
    if (i > 3) return undefined;
  }
  if (i === 0 || i === n) return undefined;
  let row = 0;
  for (; i < n; i++) {
    const c = name.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    row = row * 10 + (c - 48);
    if (row > 10_000_000) return undefined;
  }
  return { row: row - 1, col: col - 1 };
}

/** Where the reader hands what it finds. */
export interface CellSink {
  cell(row: number, col: number, value: Exclude<CellValue, null | undefined>): void;
  /** A cell the file holds wrongly: reported with its address and read as blank. */
  problem(row: number, col: number, message: string): void;
  /** Every cell's style index, blank or not (for a writer that gives new cells the formats of those above). */
  style?(row: number, col: number, s: number): void;
}

export interface CellContext {
  /** The shared strings table. */
  strings: readonly string[];
  /** Per cell format: its numbers are dates. */
  dates: readonly boolean[];
  date1904: boolean;
}

const enum Capture {
  None,
  Value,
  Formula,
  Inline,
}

/**
 * The values of a worksheet part, cell by cell, as the core reads them: text, numbers,
 * booleans, dates (numbers in a date format, between Excel's first and last date),
 * errors as their `#` text, and a formula without a saved result as Uncalculated.
 * Styles, formulas with results, and everything outside `sheetData` are skipped.
 */
export class SheetCells implements XmlHandler {
  private inData = false;
  private row = -1;
  private col = -1;
  private type = "";
  private style = 0;
  private hasValue = false;
  private hasFormula = false;
  private value = "";
  /** The value's text while it is one piece of the text scanned: read in place, not copied (most are small numbers). */
  private valueIn: string | undefined;
  private valueFrom = 0;
  private valueTo = 0;
  private formula = "";
  private inline = "";
  private capture = Capture.None;
  private phonetic = 0;

  constructor(
    private readonly context: CellContext,
    private readonly sink: CellSink,
  ) {}

  open(name: string, attrs: Attrs, selfClosing: boolean): void {
    if (!this.inData) {
      if (name === "sheetData") this.inData = !selfClosing;
      return;
    }
    switch (name) {
      case "c":
        this.startCell(attrs);
        return;
      case "v":
        this.hasValue = true;
        this.value = "";
        this.valueIn = undefined;
        this.capture = Capture.Value;
        return;
      case "f":
        // A shared formula's children hold no text of their own (only the master does).
        this.hasFormula = true;
        this.formula = "";
        this.capture = Capture.Formula;
        return;
      case "is":
        this.hasValue = true;
        this.inline = "";
        return;
      case "rPh":
        this.phonetic++;
        return;
      case "t":
        if (this.phonetic === 0 && this.type === "inlineStr") this.capture = Capture.Inline;
        return;
      case "row":
        this.startRow(attrs);
        return;
    }
  }

  close(name: string): void {
    if (!this.inData) return;
    switch (name) {
      case "c":
        if (this.col >= 0) this.endCell();
        return;
      case "v":
      case "t":
        this.capture = Capture.None;
        return;
      case "f":
        this.capture = Capture.None;
        return;
      case "rPh":
        this.phonetic--;
        return;
      case "sheetData":
        this.inData = false;
        return;
    }
  }

  text(s: string, from: number, to: number, cdata: boolean): void {
    if (this.capture === Capture.None) return;
    if (this.value.length + this.formula.length + this.inline.length + (to - from) > LONGEST_CELL) {
      throw new SheetDefect(`damaged (a cell of more than ${LONGEST_CELL.toLocaleString("en-US")} characters, far beyond Excel's 32,767)`);
    }
    switch (this.capture) {
      case Capture.Value:
        if (this.valueIn === undefined && this.value === "") {
          this.valueIn = s;
          this.valueFrom = from;
          this.valueTo = to;
        } else this.value = this.valueText() + s.slice(from, to);
        return;
      case Capture.Formula:
        this.formula += cdata ? s.slice(from, to) : decodeEntities(s.slice(from, to));
        return;
      case Capture.Inline:
        this.inline += cdata ? s.slice(from, to) : decodeEntities(s.slice(from, to));
        return;
    }
  }

  private startRow(attrs: Attrs): void {
    const n = attrs.int("r", -1);
    if (n < 0 && attrs.get("r") === undefined) this.row++;
    else {
      if (n < 1) throw new SheetDefect(`damaged (a row numbered "${attrs.get("r")}")`);
      if (n - 1 > LAST_ROW) throw new SheetDefect(`damaged (a row numbered ${n}, beyond Excel's last row ${LAST_ROW + 1})`);
      this.row = n - 1;
    }
    this.col = -1;
  }

  private startCell(attrs: Attrs): void {
    const named = attrs.cell("r");
    if (named === 0) this.col++;
    else {
      if (named === 2) throw new SheetDefect(`damaged (a cell named "${attrs.get("r")}", which is no cell address)`);
      if (attrs.col > LAST_COL || attrs.row > LAST_ROW) throw new SheetDefect(`damaged (a cell ${attrs.get("r")} beyond Excel's last row or column)`);
      this.col = attrs.col;
      // A cell outside its row element (or in a file without row numbers) goes where its name says.
      this.row = attrs.row;
    }
    if (this.row < 0) this.row = 0;
    this.type = attrs.get("t") ?? "n";
    this.style = attrs.int("s", 0);
    this.hasValue = false;
    this.hasFormula = false;
    this.value = "";
    this.valueIn = undefined;
    this.inline = "";
    this.capture = Capture.None;
  }

  /** The value's text, copied out of the text scanned when it is still there. */
  private valueText(): string {
    if (this.valueIn !== undefined) {
      this.value = this.valueIn.slice(this.valueFrom, this.valueTo);
      this.valueIn = undefined;
    }
    return this.value;
  }

  /** The value as a whole number of at most 15 digits read in place, or -1 when it is something else. */
  private valueIndex(): number {
    const s = this.valueIn;
    if (s === undefined) return -1;
    const from = this.valueFrom;
    const to = this.valueTo;
    if (to === from || to - from > 15) return -1;
    let n = 0;
    for (let i = from; i < to; i++) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return -1;
      n = n * 10 + c;
    }
    return n;
  }

  private endCell(): void {
    if (this.style) this.sink.style?.(this.row, this.col, this.style);
    const value = this.cellValue();
    if (value !== undefined) this.sink.cell(this.row, this.col, value);
  }

  private cellValue(): Exclude<CellValue, null> {
    const { type } = this;
    if (this.hasFormula && !this.resultSaved()) return new Uncalculated(this.formula.trim());
    if (!this.hasValue) return undefined;
    const whole = this.valueIndex();
    if (whole >= 0) {
      // The common cells, a shared string or a whole number, read without copying their text.
      if (type === "s" && whole < this.context.strings.length) return this.context.strings[whole];
      if (type === "n") return this.context.dates[this.style] ? this.number(whole) : whole;
    }
    const raw = this.valueText();
    switch (type) {
      case "s": {
        const index = Number(raw);
        const text = Number.isInteger(index) ? this.context.strings[index] : undefined;
        if (text === undefined) return this.defect(`refers to text the file does not hold (shared string ${raw.trim() || "without a number"})`);
        return text;
      }
      case "inlineStr":
        return decodeEscapes(this.inline || decodeEntities(raw));
      case "str":
        return decodeEscapes(decodeEntities(raw));
      case "b": {
        const text = raw.trim();
        if (text === "1" || text === "true") return true;
        if (text === "0" || text === "false") return false;
        return this.defect(`holds "${text}" where the file should hold TRUE or FALSE`);
      }
      case "e":
        return decodeEntities(raw).trim();
      case "d": {
        const text = decodeEntities(raw).trim();
        if (text === "") return undefined;
        const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || !text.includes("T") ? text : `${text}Z`);
        if (Number.isNaN(ms)) return this.defect(`holds "${text}" where the file should hold a date`);
        return new Date(ms);
      }
      case "n": {
        // Number() takes surrounding spaces and reads "" (or spaces) as 0: only that case needs a second look.
        const n = Number(raw);
        if (n === 0 && raw.trim() === "") return undefined;
        if (!Number.isFinite(n)) return this.defect(`holds "${decodeEntities(raw.trim())}" where the file should hold a number`);
        return this.number(n);
      }
      default:
        return this.defect(`has a cell type "${type}" that Excel does not write`);
    }
  }

  /** A number, a date when its format is one and it falls between Excel's first and last dates. */
  private number(n: number): number | Date {
    if (this.context.dates[this.style] && n >= (this.context.date1904 ? 0 : FIRST_SERIAL) && n <= LAST_SERIAL) return dateOf(n, this.context.date1904);
    return n;
  }

  /**
   * A formula's result is saved when its `<v>` is there; an empty one counts only for
   * text results (a formula giving ""), since a number cannot be empty.
   */
  private resultSaved(): boolean {
    if (!this.hasValue) return false;
    if (this.type === "str" || this.type === "inlineStr" || this.type === "s") return true;
    return this.valueText().trim() !== "";
  }

  private defect(what: string): undefined {
    this.sink.problem(this.row, this.col, `This cell ${what}: the file is damaged, so it was read as blank (re-save the workbook in Excel, or retype the cell).`);
    return undefined;
  }
}

/** A date serial as the JS Date the core reads: its day as `dayFromSerial` counts it, and the time of day. */
function dateOf(serial: number, date1904: boolean): Date {
  const day = dayFromSerial(serial, date1904);
  return new Date(Math.round((day + (serial - Math.floor(serial))) * MS_PER_DAY));
}

/** The shared strings part: each `si`'s text, phonetic runs left out. */
export class SharedStrings implements XmlHandler {
  readonly strings: string[] = [];
  private current = "";
  private inItem = false;
  private inText = false;
  private phonetic = 0;
  /** Characters held so far, for the reader's bound. */
  chars = 0;

  constructor(
    private readonly limit = Infinity,
    private readonly tooMuch: () => Error = () => new Error("too much text"),
  ) {}

  open(name: string): void {
    if (name === "si") {
      this.inItem = true;
      this.current = "";
    } else if (name === "rPh") this.phonetic++;
    else if (name === "t" && this.inItem && this.phonetic === 0) this.inText = true;
  }

  close(name: string): void {
    if (name === "si") {
      const text = decodeEscapes(this.current);
      this.strings.push(text);
      this.chars += text.length;
      if (this.chars > this.limit) throw this.tooMuch();
      this.inItem = false;
    } else if (name === "rPh") this.phonetic--;
    else if (name === "t") this.inText = false;
  }

  text(s: string, from: number, to: number, cdata: boolean): void {
    if (!this.inText) return;
    if (this.current.length + (to - from) > LONGEST_CELL) throw new SheetDefect(`damaged (a text of more than ${LONGEST_CELL.toLocaleString("en-US")} characters)`);
    this.current += cdata ? s.slice(from, to) : decodeEntities(s.slice(from, to));
  }
}
