import { StringDecoder } from "node:string_decoder";
import { looseName } from "../../../core/input";
import type { CellWrite, RowAppend, Writes } from "../../../core/orders/writes";
import { cellName, sheetReference } from "../../../core/problems";
import type { OutValue } from "../../../core/sheetSpec";
import { plannedSheets, type SheetWrite, safeTableName, sheetPlans, tableRelationships, uniqueName, type WrittenSheet, writeSheetParts } from "../book";
import { SharedStrings, SheetCells } from "../cells";
import { READ_LIMITS, WorkbookFileError } from "../errors";
import { CONTENT, ContentTypes, freeRelId, REL, type Relationship, relationshipsXml, relationTo, relsPathOf, type TablePart } from "../package";
import { SHEET_ROWS } from "../render";
import { EditRefused, type RowEdit, SheetRewriter } from "../sheetEdit";
import { StyleSheet } from "../styles";
import { WorkbookXml } from "../workbookXml";
import { XmlTokenizer } from "../xml";
import { utf8, ZipWriter } from "../zip";
import { nodeCrc32, nodeDeflate } from "./deflate";
import { fileError, type Package, type SheetInfo } from "./structure";

/** What a command changes in a workbook: whole sheets (re)written, and the orders core's Writes. */
export interface Changes {
  sheets: SheetWrite[];
  writes: Writes[];
}

export interface SaveReport {
  sheets: WrittenSheet[];
  /** Zero-based worksheet row of each appended row, in the order of the Writes. */
  appendedRows: number[];
}

export interface EditOptions {
  moment?: Date;
  sheetRows?: number;
}

/** Parts of a sheet that belong to it alone: they go when the sheet is rewritten or removed. */
const SHEET_OWN = ["/table", "/comments", "/vmlDrawing", "/drawing", "/printerSettings", "/threadedComment"];

/** A part to write after the copied ones: its name and how its text is made. */
interface NewPart {
  path: string;
  write: (zip: ZipWriter) => Promise<void>;
}

/**
 * Writes `pkg` with `changes` into `out`: every part the changes do not touch is
 * copied as it was stored (not even unpacked); changed sheets are streamed through
 * the rewriter, new ones rendered row by row. Refusals (a missing sheet, a table
 * with cells right below it) are found before anything is written.
 */
export async function writeChanged(pkg: Package, sink: (bytes: Uint8Array) => Promise<void>, changes: Changes, options: EditOptions = {}): Promise<SaveReport> {
  const plan = await Plan.make(pkg, changes, options);
  const zip = new ZipWriter(sink, nodeCrc32, options.moment ?? new Date());
  const deflate = nodeDeflate();
  const text = (path: string, pieces: Iterable<string>) => zip.add(path, utf8(pieces), deflate);
  const contentTypes = pkg.zip.entry("[Content_Types].xml");
  await text(contentTypes?.name ?? "[Content_Types].xml", [plan.types.xml()]);
  for (const entry of pkg.zip.entries.values()) {
    const key = entry.name.toLowerCase();
    if (entry === contentTypes || plan.dropped.has(key) || plan.rewritten.has(key)) continue;
    await zip.copy(entry, pkg.zip.stored(entry));
  }
  for (const part of plan.parts) await part.write(zip);
  await text(plan.stylesPath, [plan.styles.xml()]);
  await text(pkg.structure.workbookPath, [plan.workbook.toString()]);
  await text(relsPathOf(pkg.structure.workbookPath), [relationshipsXml(plan.workbookRels)]);
  await zip.finish();
  return { sheets: plan.written, appendedRows: plan.appendedRows };
}

class Plan {
  readonly dropped = new Set<string>();
  /** Parts written anew (after the copies), by lower-case path. */
  readonly rewritten = new Set<string>();
  readonly parts: NewPart[] = [];
  readonly written: WrittenSheet[] = [];
  appendedRows: number[] = [];
  stylesPath = "xl/styles.xml";
  private readonly takenTables = new Set<string>();
  private tableId = 0;
  private sheetId: number;

  private constructor(
    private readonly pkg: Package,
    readonly types: ContentTypes,
    readonly workbook: WorkbookXml,
    readonly workbookRels: Relationship[],
    readonly styles: StyleSheet,
    private readonly options: EditOptions,
  ) {
    this.sheetId = workbook.maxSheetId();
    for (const sheet of pkg.structure.sheets) for (const t of sheet.tables) this.tableId = Math.max(this.tableId, t.id);
  }

  static async make(pkg: Package, changes: Changes, options: EditOptions): Promise<Plan> {
    const { structure } = pkg;
    const types = ContentTypes.parse(await pkg.text("[Content_Types].xml"));
    const workbook = new WorkbookXml((await pkg.text(structure.workbookPath)) ?? "");
    const stylesXml = structure.stylesPath ? await pkg.text(structure.stylesPath) : undefined;
    let styles: StyleSheet;
    try {
      styles = stylesXml ? StyleSheet.extending(stylesXml) : StyleSheet.fresh();
    } catch (error) {
      throw fileError(pkg.path, error, structure.stylesPath);
    }
    const plan = new Plan(pkg, types, workbook, [...structure.workbookRels], styles, options);
    plan.rewritten.add(structure.workbookPath.toLowerCase());
    plan.rewritten.add(relsPathOf(structure.workbookPath).toLowerCase());
    if (structure.stylesPath && stylesXml) plan.stylesPath = structure.stylesPath;
    else {
      plan.workbookRels.push(relationTo(structure.workbookPath, freeRelId(plan.workbookRels), REL.styles, plan.stylesPath));
      types.set(plan.stylesPath, CONTENT.styles);
    }
    plan.rewritten.add(plan.stylesPath.toLowerCase());
    for (const name of workbook.definedNames()) plan.takenTables.add(name.toLowerCase());
    await plan.planWrites(changes.writes);
    plan.planSheets(changes.sheets);
    // The calculation chain lists formula cells; Excel rebuilds it, and a stale one makes it report damage.
    if (changes.sheets.length > 0 || changes.writes.length > 0) {
      for (const rel of plan.workbookRels.filter((r) => r.type === REL.calcChain)) plan.drop(rel.target);
      plan.removeRels((r) => r.type === REL.calcChain);
    }
    return plan;
  }

  private drop(path: string): void {
    this.dropped.add(path.toLowerCase());
    this.types.delete(path);
  }

  private removeRels(which: (r: Relationship) => boolean): void {
    for (let i = this.workbookRels.length - 1; i >= 0; i--) if (which(this.workbookRels[i])) this.workbookRels.splice(i, 1);
  }

  /** A part path like `xl/worksheets/sheet7.xml` that the package does not have. */
  private freePath(folder: string, stem: string): string {
    for (let n = 1; ; n++) {
      const path = `${folder}/${stem}${n}.xml`;
      const key = path.toLowerCase();
      if (!this.pkg.zip.entry(path) && !this.rewritten.has(key)) {
        this.rewritten.add(key);
        return path;
      }
    }
  }

  /** A sheet's own parts (tables, comments, drawings) and its relationships part go. */
  private dropSheetParts(sheet: SheetInfo): void {
    for (const rel of sheet.rels) if (!rel.external && SHEET_OWN.some((t) => rel.type.endsWith(t))) this.drop(rel.target);
    this.drop(relsPathOf(sheet.path));
  }

  private planSheets(writes: SheetWrite[]): void {
    const { structure } = this.pkg;
    const claimed = new Set<SheetInfo>();
    for (const write of writes) {
      const names = plannedSheets(write, this.options.sheetRows ?? SHEET_ROWS);
      const key = looseName(names[0]);
      // The sheet itself, found loosely as the add-in finds sheets, then continuations left by an earlier, longer write.
      const slots: (SheetInfo | undefined)[] = names.map((_, k) => structure.sheets.find((s) => !claimed.has(s) && looseName(s.name) === (k === 0 ? key : `${key}${k + 1}`)));
      const stale = structure.sheets.filter((s) => {
        const m = looseName(s.name).startsWith(key) ? /^(\d+)$/.exec(looseName(s.name).slice(key.length)) : null;
        return m !== null && Number(m[1]) > names.length && !claimed.has(s);
      });
      for (const s of slots) if (s) claimed.add(s);
      for (const s of stale) {
        claimed.add(s);
        this.dropSheetParts(s);
        this.drop(s.path);
        this.workbook.remove(s.relId);
        this.removeRels((r) => r.id === s.relId);
      }
      const claimedTables = new Set(slots.flatMap((s) => s?.tables ?? []).concat(stale.flatMap((s) => s.tables)));
      const others = structure.sheets.flatMap((s) => s.tables).filter((t) => !claimedTables.has(t));
      for (const t of others) this.takenTables.add(t.name.toLowerCase());
      const tables = names.map((_, k) =>
        write.spec.table
          ? { id: ++this.tableId, name: uniqueName(safeTableName(k === 0 ? write.spec.table.name : `${write.spec.table.name}${k + 1}`), this.takenTables) }
          : undefined,
      );
      const targets = names.map((name, k) => {
        const slot = slots[k];
        if (slot) {
          this.dropSheetParts(slot);
          this.rewritten.add(slot.path.toLowerCase());
          if (slot.name !== name) this.workbook.rename(slot.relId, name);
          return slot.path;
        }
        const path = this.freePath("xl/worksheets", "sheet");
        const relId = freeRelId(this.workbookRels);
        this.workbookRels.push(relationTo(this.pkg.structure.workbookPath, relId, REL.worksheet, path));
        this.types.set(path, CONTENT.worksheet);
        this.workbook.append(name, ++this.sheetId, relId);
        return path;
      });
      const tablePaths = tables.map((t) => {
        if (!t) return undefined;
        const path = this.freePath("xl/tables", "table");
        this.types.set(path, CONTENT.table);
        return path;
      });
      for (const path of [...targets, ...tablePaths]) if (path) this.dropped.delete(path.toLowerCase());
      const written: WrittenSheet = { name: names[0], sheets: names, rows: write.spec.rows.length + (write.more?.count ?? 0) };
      this.written.push(written);
      const plans = sheetPlans(write, names, (k) => tables[k], this.options.sheetRows);
      const deflate = nodeDeflate();
      this.parts.push({
        path: targets[0],
        write: async (zip) => {
          let k = 0;
          for (const plan of plans) {
            const path = targets[k];
            const tablePath = tablePaths[k];
            k++;
            await writeSheetParts(plan, { styles: this.styles }, async (kind, pieces) => {
              if (kind === "table") return zip.add(tablePath!, utf8(pieces), deflate);
              await zip.add(path, utf8(pieces), deflate);
              if (tablePath) await zip.add(relsPathOf(path), utf8([tableRelationships(tablePath, path)]), deflate);
            });
          }
        },
      });
      for (const [k, path] of targets.entries()) {
        if (tablePaths[k]) {
          this.rewritten.add(relsPathOf(path).toLowerCase());
          this.dropped.delete(relsPathOf(path).toLowerCase());
        }
      }
    }
  }

  /** Turns the Writes into row edits per sheet, after a look at each sheet that gets rows. */
  private async planWrites(all: Writes[]): Promise<void> {
    const { structure } = this.pkg;
    const bySheet = new Map<SheetInfo, { appends: RowAppend[]; cells: CellWrite[] }>();
    const sheetOf = (name: string) => {
      const sheet = structure.sheets.find((s) => s.name === name) ?? structure.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
      if (!sheet) throw new WorkbookFileError(`The workbook has no sheet named "${name}", so nothing was written.`);
      let entry = bySheet.get(sheet);
      if (!entry) bySheet.set(sheet, (entry = { appends: [], cells: [] }));
      return entry;
    };
    const appends = all.flatMap((w) => w.append);
    for (const append of appends) sheetOf(append.sheet).appends.push(append);
    for (const cell of all.flatMap((w) => w.cells)) sheetOf(cell.sheet).cells.push(cell);
    const rowOf = new Map<RowAppend, number>();
    for (const [sheet, writes] of bySheet) {
      const edits = new Map<number, RowEdit>();
      const edit = (row: number) => {
        let e = edits.get(row);
        if (!e) edits.set(row, (e = { values: new Map<number, OutValue>() }));
        return e;
      };
      for (const [append, { row, styles }] of await this.appendRows(sheet, writes.appends)) {
        rowOf.set(append, row);
        const e = edit(row);
        e.styles = styles;
        append.values.forEach((value, i) => {
          if (value !== null) e.values.set(append.col + i, value);
        });
      }
      for (const { row, col, value } of writes.cells) edit(row).values.set(col, value);
      this.rewriteSheet(sheet, edits);
    }
    this.appendedRows = appends.map((a) => rowOf.get(a)!);
  }

  /**
   * Where each appended row goes: under the sheet's last filled row, or under its
   * table's last row (the table grows by it). New cells take the formats of the row
   * above when that is a data row, as Excel does when a row is typed under a list.
   */
  private async appendRows(sheet: SheetInfo, appends: RowAppend[]): Promise<Map<RowAppend, { row: number; styles?: Map<number, number> }>> {
    const placed = new Map<RowAppend, { row: number; styles?: Map<number, number> }>();
    if (appends.length === 0) return placed;
    const tableOf = (append: RowAppend): TablePart | undefined => {
      if (append.table === undefined) return undefined;
      const table = sheet.tables.find((t) => t.name.toLowerCase() === append.table!.toLowerCase());
      if (!table) throw new WorkbookFileError(`The sheet ${sheet.name} has no table named "${append.table}", so nothing was written.`);
      if (table.totalsRows > 0)
        throw new EditRefused(`The table ${table.name} on ${sheet.name} has a totals row, so Planster cannot add rows to it: turn the totals row off in Excel and run again.`);
      return table;
    };
    const watched = new Set<number>();
    for (const table of new Set(appends.map(tableOf))) {
      if (!table) continue;
      const count = appends.filter((a) => tableOf(a) === table).length;
      for (let r = table.range.toRow; r <= table.range.toRow + count; r++) watched.add(r);
    }
    const survey = await this.survey(sheet, watched);
    let next = survey.lastRow + 1;
    const ends = new Map<TablePart, number>();
    for (const append of appends) {
      const table = tableOf(append);
      let row: number;
      let styles: Map<number, number> | undefined;
      if (!table) {
        row = next++;
        styles = survey.lastRow > survey.firstRow ? survey.lastStyles : undefined;
      } else {
        row = (ends.get(table) ?? table.range.toRow) + 1;
        const blocking = [...(survey.filled.get(row) ?? [])].find((col) => col >= table.range.fromCol && col <= table.range.toCol);
        if (blocking !== undefined) {
          throw new EditRefused(
            `${sheetReference(sheet.name, cellName(row, blocking))} holds a value right below the table ${table.name}, so rows cannot be added to it: move that cell away in Excel and run again.`,
          );
        }
        ends.set(table, row);
        styles = table.range.toRow > table.range.fromRow ? survey.styles.get(table.range.toRow) : undefined;
        next = Math.max(next, row + 1);
      }
      if (row >= SHEET_ROWS) throw new EditRefused(`The sheet ${sheet.name} is full (Excel holds ${SHEET_ROWS.toLocaleString("en-US")} rows), so no row can be added.`);
      placed.set(append, { row, styles });
    }
    for (const [table, lastRow] of ends) this.extendTable(table, lastRow);
    return placed;
  }

  /**
   * The sheet's first and last rows holding a value, the styles of the last one, and for
   * the `watched` rows which cells hold a value and their styles.
   */
  private async survey(sheet: SheetInfo, watched: Set<number>) {
    const filled = new Map<number, Set<number>>();
    /** Styles of the watched rows, the last filled row, and the row being read. */
    const styles = new Map<number, Map<number, number>>();
    let lastRow = -1;
    let firstRow = Infinity;
    let current = -1;
    const strings = await this.strings();
    const cells = new SheetCells(
      { strings, dates: [], date1904: false },
      {
        cell: (row, col, value) => {
          if (value === "") return;
          lastRow = Math.max(lastRow, row);
          firstRow = Math.min(firstRow, row);
          if (!watched.has(row)) return;
          let set = filled.get(row);
          if (!set) filled.set(row, (set = new Set()));
          set.add(col);
        },
        problem: () => {},
        style: (row, col, s) => {
          if (row !== current) {
            if (current !== lastRow && !watched.has(current)) styles.delete(current);
            current = row;
          }
          let map = styles.get(row);
          if (!map) styles.set(row, (map = new Map()));
          map.set(col, s);
        },
      },
    );
    await this.pkg.stream(sheet.path, cells, READ_LIMITS.unpackedBytes, `the sheet ${sheet.name}`);
    return { lastRow, firstRow, filled, styles, lastStyles: styles.get(lastRow) };
  }

  private stringsRead: Promise<string[]> | undefined;

  /** The shared strings, read once, only when a sheet gets rows (a row of empty texts is blank). */
  private strings(): Promise<string[]> {
    return (this.stringsRead ??= (async () => {
      const path = this.pkg.structure.sharedStringsPath;
      if (!path || !this.pkg.entry(path)) return [];
      const table = new SharedStrings();
      await this.pkg.stream(path, table, READ_LIMITS.unpackedBytes, "the shared strings");
      return table.strings;
    })());
  }

  private rewriteSheet(sheet: SheetInfo, edits: Map<number, RowEdit>): void {
    this.rewritten.add(sheet.path.toLowerCase());
    const pkg = this.pkg;
    this.parts.push({
      path: sheet.path,
      write: async (zip) => {
        const entry = pkg.entry(sheet.path);
        if (!entry) throw new WorkbookFileError(`${pkg.path} cannot be read: the part of its sheet ${sheet.name} is missing.`);
        await zip.add(sheet.path, rewritten(pkg, entry, sheet, edits), nodeDeflate());
      },
    });
  }

  private extendTable(table: TablePart, lastRow: number): void {
    this.rewritten.add(table.path.toLowerCase());
    const pkg = this.pkg;
    this.parts.push({
      path: table.path,
      write: async (zip) => {
        const xml = (await pkg.text(table.path)) ?? "";
        const { fromRow, fromCol, toCol } = table.range;
        const ref = `${cellName(fromRow, fromCol)}:${cellName(lastRow, toCol)}`;
        const changed = xml.replace(/(<(?:\w+:)?(?:table|autoFilter)\b[^>]*?\sref=")[^"]*"/g, `$1${ref}"`);
        await zip.add(table.path, utf8([changed]), nodeDeflate());
      },
    });
  }
}

/** The sheet's XML with the edits made, as bytes, streamed from the package. */
async function* rewritten(pkg: Package, entry: NonNullable<ReturnType<Package["entry"]>>, sheet: SheetInfo, edits: Map<number, RowEdit>): AsyncGenerator<Uint8Array> {
  const out: string[] = [];
  const rewriter = new SheetRewriter(edits, (text) => out.push(text), sheet.name);
  const tokenizer = new XmlTokenizer(rewriter);
  const decoder = new StringDecoder("utf8");
  try {
    for await (const chunk of pkg.zip.unpacked(entry, READ_LIMITS.unpackedBytes)) {
      tokenizer.write(decoder.write(chunk));
      if (out.length) yield Buffer.from(out.splice(0).join(""), "utf8");
    }
    tokenizer.write(decoder.end());
    tokenizer.end();
  } catch (error) {
    throw error instanceof EditRefused ? error : fileError(pkg.path, error, `the sheet ${sheet.name}`);
  }
  if (!rewriter.complete) throw new WorkbookFileError(`${pkg.path} cannot be read: its sheet ${sheet.name} has no cell data, so it is damaged.`);
  if (out.length) yield Buffer.from(out.join(""), "utf8");
}
