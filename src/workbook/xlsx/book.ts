import type { SheetSpec, StreamedRow } from "../../core/sheetSpec";
import { CONTENT, ContentTypes, REL, relationshipsXml, type Relationship } from "./package";
import { type NumberedRow, type RenderedSheet, renderSheet, RowSource, SHEET_ROWS, SharedStringTable, tableColumns, tableXml } from "./render";
import { StyleSheet } from "./styles";
import { escapeAttr } from "./xml";
import { type Crc32, type Deflate, utf8, ZipWriter } from "./zip";

/**
 * Sheets to write and how they land in a package: a sheet longer than Excel holds
 * continues on `<name> 2`, `<name> 3`, … each with the same head rows. The whole of a
 * new workbook is written here too (pure: the browser's "new workbook" uses it).
 */

export interface SheetWrite {
  spec: SheetSpec;
  /** Rows after `spec.rows`, made while the sheet is written (never all held), and how many there are. */
  more?: { rows: Iterable<StreamedRow>; count: number };
}

/** Where a SheetWrite went: the sheets it fills, and its rows (heads of continuations not counted). */
export interface WrittenSheet {
  name: string;
  sheets: string[];
  rows: number;
}

/** Excel's rule for sheet names: 31 characters, none of `[]:*?/\`, not blank. */
export function safeSheetName(name: string): string {
  const clean = name
    .replace(/[[\]:*?/\\]/g, "_")
    .replace(/^'+|'+$/g, "")
    .slice(0, 31);
  return clean.trim() ? clean : "Sheet";
}

/** The names of the sheets a write fills: its own, then `<name> 2`, `<name> 3`… */
export function plannedSheets(write: SheetWrite, sheetRows = SHEET_ROWS): string[] {
  const total = write.spec.rows.length + (write.more?.count ?? 0);
  const head = new RowSource(write.spec).headCount;
  const continuations = total <= sheetRows ? 0 : Math.ceil((total - sheetRows) / (sheetRows - head));
  const base = safeSheetName(write.spec.name);
  return [base, ...Array.from({ length: continuations }, (_, k) => continuationName(base, k + 2))];
}

export function continuationName(base: string, n: number): string {
  const suffix = ` ${n}`;
  return base.slice(0, 31 - suffix.length) + suffix;
}

/** A table name is a defined name: letters, digits, `_` and `.`, starting with a letter or `_`. */
export function safeTableName(name: string): string {
  const clean = name.replace(/[^\p{L}\p{N}_.]/gu, "_");
  return /^[\p{L}_]/u.test(clean) ? clean : `_${clean}`;
}

/** A name not yet in `taken` (compared as Excel does, ignoring case), which it joins. */
export function uniqueName(name: string, taken: Set<string>, join = ""): string {
  let unique = name;
  for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = `${name}${join}${n}`;
  taken.add(unique.toLowerCase());
  return unique;
}

/** One sheet of the package to render: its spec (named as it lands), rows, and table. */
export interface SheetPlan {
  spec: SheetSpec;
  rows: Iterable<NumberedRow>;
  table?: { id: number; name: string; rel: string };
}

/**
 * The sheets of one write, each with its rows taken from one row source as it is
 * rendered: every continuation gets the head rows again and its table `<name>2`….
 */
export function* sheetPlans(write: SheetWrite, names: string[], table: (n: number) => { id: number; name: string } | undefined, sheetRows = SHEET_ROWS): Generator<SheetPlan> {
  const source = new RowSource(write.spec, write.more?.rows);
  for (let k = 0; k < names.length; k++) {
    const continuation = k > 0;
    const t = table(k);
    const spec: SheetSpec = {
      ...write.spec,
      name: names[k],
      table: write.spec.table && t ? { ...write.spec.table, name: t.name } : undefined,
      // Ranged styles below the head rows belong to the first sheet's rows.
      styles: continuation ? (write.spec.styles ?? []).filter((s) => s.toRow < source.headCount) : write.spec.styles,
    };
    yield { spec, rows: source.sheet(continuation, sheetRows), table: t ? { ...t, rel: "rId1" } : undefined };
    if (k === names.length - 1 && !source.done) throw new Error(`${write.spec.name} has more rows than it said it would.`);
  }
}

/** Renders a planned sheet: its worksheet XML, then (the rows known) its table part. */
export async function writeSheetParts(
  plan: SheetPlan,
  context: { styles: StyleSheet; strings?: SharedStringTable; selected?: boolean },
  part: (name: "sheet" | "table", pieces: Iterable<string>) => Promise<void>,
): Promise<RenderedSheet> {
  const result: RenderedSheet = { rows: 0, cols: 0 };
  await part("sheet", renderSheet(plan.spec, plan.rows, { ...context, tableRel: plan.table?.rel }, result));
  if (plan.table && plan.spec.table) {
    const header = plan.spec.rows[plan.spec.table.headerRow] ?? [];
    const columns = tableColumns(header);
    await part("table", [tableXml({ id: plan.table.id, name: plan.table.name, headerRow: plan.spec.table.headerRow, rows: result.rows, columns, style: plan.spec.table.style })]);
  }
  return result;
}

export function tableRelationships(tablePath: string, sheetPath: string): string {
  const depth = sheetPath.split("/").length - 2;
  const rel: Relationship = { id: "rId1", type: REL.table, target: tablePath, rawTarget: `${"../".repeat(depth)}${tablePath.split("/").slice(1).join("/")}`, external: false };
  return relationshipsXml([rel]);
}

export interface NewWorkbookOptions {
  /** When the workbook is made: its document dates and every part's time (a fixed moment gives the same bytes every time). */
  moment?: Date;
  deflate?: Deflate;
  crc32?: Crc32;
  sheetRows?: number;
}

const W3CDTF = (moment: Date) => moment.toISOString().replace(/\.\d{3}Z$/, "Z");

/** Writes a new workbook of the given sheets into `sink`, part by part. */
export async function writeNewWorkbook(writes: SheetWrite[], sink: (bytes: Uint8Array) => Promise<void> | void, options: NewWorkbookOptions = {}): Promise<WrittenSheet[]> {
  const moment = options.moment ?? new Date();
  const zip = new ZipWriter(sink, options.crc32, moment);
  const add = (name: string, pieces: Iterable<string>) => zip.add(name, utf8(pieces), options.deflate);
  const takenSheets = new Set<string>();
  const takenTables = new Set<string>();
  const planned = writes.map((write) => plannedSheets(write, options.sheetRows).map((name) => uniqueName(name, takenSheets, " ")));
  let tableId = 0;
  const sheets = planned.flat().map((name, i) => ({ name, path: `xl/worksheets/sheet${i + 1}.xml` }));
  const tablePaths: string[] = [];
  const types = ContentTypes.parse(undefined);
  types.set("xl/workbook.xml", CONTENT.workbook);
  types.set("xl/styles.xml", CONTENT.styles);
  types.set("xl/sharedStrings.xml", CONTENT.sharedStrings);
  types.set("docProps/core.xml", CONTENT.coreProperties);
  types.set("docProps/app.xml", CONTENT.extendedProperties);
  for (const sheet of sheets) types.set(sheet.path, CONTENT.worksheet);
  writes.forEach((write, w) => {
    if (!write.spec.table) return;
    for (let k = 0; k < planned[w].length; k++) {
      tablePaths.push(`xl/tables/table${tablePaths.length + 1}.xml`);
      types.set(tablePaths[tablePaths.length - 1], CONTENT.table);
    }
  });
  await add("[Content_Types].xml", [types.xml()]);
  await add("_rels/.rels", [
    relationshipsXml([
      { id: "rId1", type: REL.officeDocument, target: "xl/workbook.xml", rawTarget: "xl/workbook.xml", external: false },
      { id: "rId2", type: REL.coreProperties, target: "docProps/core.xml", rawTarget: "docProps/core.xml", external: false },
      { id: "rId3", type: REL.extendedProperties, target: "docProps/app.xml", rawTarget: "docProps/app.xml", external: false },
    ]),
  ]);
  await add("docProps/core.xml", [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Planster</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${W3CDTF(moment)}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${W3CDTF(moment)}</dcterms:modified></cp:coreProperties>`,
  ]);
  await add("docProps/app.xml", [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Planster</Application></Properties>',
  ]);
  await add("xl/workbook.xml", [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView activeTab="0"/></bookViews><sheets>',
    ...sheets.map((s, i) => `<sheet name="${escapeAttr(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`),
    "</sheets></workbook>",
  ]);
  const n = sheets.length;
  await add("xl/_rels/workbook.xml.rels", [
    relationshipsXml([
      ...sheets.map((s, i) => ({ id: `rId${i + 1}`, type: REL.worksheet, target: s.path, rawTarget: s.path.slice(3), external: false })),
      { id: `rId${n + 1}`, type: REL.styles, target: "xl/styles.xml", rawTarget: "styles.xml", external: false },
      { id: `rId${n + 2}`, type: REL.sharedStrings, target: "xl/sharedStrings.xml", rawTarget: "sharedStrings.xml", external: false },
    ]),
  ]);
  const styles = StyleSheet.fresh();
  const strings = new SharedStringTable();
  const written: WrittenSheet[] = [];
  let index = 0;
  for (let w = 0; w < writes.length; w++) {
    const write = writes[w];
    const names = planned[w];
    let rows = 0;
    const tables = names.map((_name, k) =>
      write.spec.table ? { id: ++tableId, name: uniqueName(safeTableName(k === 0 ? write.spec.table.name : `${write.spec.table.name}${k + 1}`), takenTables) } : undefined,
    );
    for (const plan of sheetPlans(write, names, (k) => tables[k], options.sheetRows)) {
      const sheet = sheets[index++];
      const tablePath = plan.table ? tablePaths[plan.table.id - 1] : undefined;
      const result = await writeSheetParts(plan, { styles, strings, selected: index === 1 }, async (kind, pieces) => {
        if (kind === "sheet") {
          await add(sheet.path, pieces);
          if (tablePath) await add(`xl/worksheets/_rels/${sheet.path.split("/").pop()}.rels`, [tableRelationships(tablePath, sheet.path)]);
        } else await add(tablePath!, pieces);
      });
      rows += result.rows - (plan.spec.name === names[0] ? 0 : new RowSource(write.spec).headCount);
    }
    written.push({ name: names[0], sheets: names, rows });
  }
  await add("xl/styles.xml", [styles.xml()]);
  await zip.add("xl/sharedStrings.xml", utf8(strings.xml()), options.deflate);
  await zip.finish();
  return written;
}
