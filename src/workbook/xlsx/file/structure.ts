import { StringDecoder } from "node:string_decoder";
import { WorkbookFileError } from "../errors";
import { parseRelationships, parseTable, parseWorkbook, REL, type Relationship, relsPathOf, type TablePart } from "../package";
import { XmlError, type XmlHandler, XmlTokenizer } from "../xml";
import { PackageError, UnpackLimit, type ZipEntry, ZipFile } from "./zipFile";

/** The little parts (workbook, relationships, tables, styles) are read whole; none of Excel's comes near this. */
export const SMALL_PART = 64_000_000;

export interface SheetInfo {
  name: string;
  sheetId: number;
  relId: string;
  /** The worksheet part. */
  path: string;
  tables: TablePart[];
  /** Relationships of the worksheet part (tables, drawings, comments…). */
  rels: Relationship[];
}

/** How an opened package is laid out: what the reader and the writer both start from. */
export interface Structure {
  workbookPath: string;
  workbookRels: Relationship[];
  /** Worksheets in the workbook's order (chart sheets left out). */
  sheets: SheetInfo[];
  /** Every `<sheet>` of the workbook, chart sheets included (defined names count sheets by this position). */
  sheetCount: number;
  date1904: boolean;
  stylesPath?: string;
  sharedStringsPath?: string;
}

/** The file's messages: what is wrong, for one line on standard error. */
export function fileError(path: string, error: unknown, part?: string): Error {
  // Over a limit: the reader says which, in its own words.
  if (error instanceof WorkbookFileError || error instanceof UnpackLimit) return error;
  if (error instanceof XmlError) return new WorkbookFileError(`${path} cannot be read: ${part ?? "a part"} is damaged (${error.message}). Re-save it in Excel.`);
  if (error instanceof PackageError) {
    const what = error.message;
    if (what === "not a zip package" || what === "empty") return new WorkbookFileError(`${path} is not an Excel workbook (.xlsx) that can be read.`);
    if (what.startsWith("an encrypted workbook")) return new WorkbookFileError(`${path} is ${what}: save it in Excel as an Excel Workbook (.xlsx) without a password.`);
    return new WorkbookFileError(`${path} cannot be read: it is ${what}. Re-save it in Excel, or use a copy that opens there.`);
  }
  return error instanceof Error ? error : new Error(String(error));
}

export class Package {
  private constructor(
    readonly path: string,
    readonly zip: ZipFile,
    readonly structure: Structure,
  ) {}

  static async open(path: string): Promise<Package> {
    let zip: ZipFile;
    try {
      zip = await ZipFile.open(path);
    } catch (error) {
      throw fileError(path, error);
    }
    try {
      return new Package(path, zip, await readStructure(path, zip));
    } catch (error) {
      await zip.close();
      throw error;
    }
  }

  close(): Promise<void> {
    return this.zip.close();
  }

  entry(part: string): ZipEntry | undefined {
    return this.zip.entry(part);
  }

  /** A small part's text; undefined when the package has no such part. */
  async text(part: string): Promise<string | undefined> {
    const entry = this.zip.entry(part);
    if (!entry) return undefined;
    try {
      return await this.zip.text(entry, SMALL_PART);
    } catch (error) {
      throw fileError(this.path, error, part);
    }
  }

  /** Streams a part through an XML handler; `limit` bounds what it may unpack to. */
  async stream(part: string, handler: XmlHandler, limit: number, name = part): Promise<number> {
    const entry = this.zip.entry(part);
    if (!entry) throw new WorkbookFileError(`${this.path} cannot be read: its part ${part} (${name}) is missing. Re-save it in Excel.`);
    const tokenizer = new XmlTokenizer(handler);
    const decoder = new StringDecoder("utf8");
    let size = 0;
    try {
      for await (const chunk of this.zip.unpacked(entry, limit)) {
        size += chunk.length;
        tokenizer.write(decoder.write(chunk));
      }
      tokenizer.write(decoder.end());
      tokenizer.end();
    } catch (error) {
      throw fileError(this.path, error, name);
    }
    return size;
  }
}

async function readStructure(path: string, zip: ZipFile): Promise<Structure> {
  const text = async (part: string) => {
    const entry = zip.entry(part);
    if (!entry) return undefined;
    try {
      return await zip.text(entry, SMALL_PART);
    } catch (error) {
      throw fileError(path, error, part);
    }
  };
  const parse = <T>(part: string, read: () => T): T => {
    try {
      return read();
    } catch (error) {
      throw fileError(path, error, part);
    }
  };
  const rootRels = await text("_rels/.rels");
  const office = rootRels ? parse("_rels/.rels", () => parseRelationships(rootRels, "")).find((r) => r.type === REL.officeDocument) : undefined;
  const workbookPath = office?.target ?? "xl/workbook.xml";
  const workbookXml = await text(workbookPath);
  if (workbookXml === undefined) throw new WorkbookFileError(`${path} is not an Excel workbook (.xlsx) that can be read.`);
  const workbook = parse(workbookPath, () => parseWorkbook(workbookXml));
  const relsPath = relsPathOf(workbookPath);
  const relsXml = await text(relsPath);
  const workbookRels = relsXml ? parse(relsPath, () => parseRelationships(relsXml, workbookPath)) : [];
  const byId = new Map(workbookRels.map((r) => [r.id, r]));
  const sheets: SheetInfo[] = [];
  for (const entry of workbook.sheets) {
    const rel = byId.get(entry.relId);
    if (!rel || rel.type !== REL.worksheet) continue;
    const sheetRelsPath = relsPathOf(rel.target);
    const sheetRelsXml = await text(sheetRelsPath);
    const rels = sheetRelsXml ? parse(sheetRelsPath, () => parseRelationships(sheetRelsXml, rel.target)) : [];
    const tables: TablePart[] = [];
    for (const r of rels) {
      if (r.type !== REL.table || r.external) continue;
      const xml = await text(r.target);
      const table = xml === undefined ? undefined : parse(r.target, () => parseTable(xml, r.target));
      if (table) tables.push(table);
    }
    sheets.push({ name: entry.name, sheetId: entry.sheetId, relId: entry.relId, path: rel.target, tables, rels });
  }
  return {
    workbookPath,
    workbookRels,
    sheets,
    sheetCount: workbook.sheets.length,
    date1904: workbook.date1904,
    stylesPath: workbookRels.find((r) => r.type === REL.styles)?.target,
    sharedStringsPath: workbookRels.find((r) => r.type === REL.sharedStrings)?.target,
  };
}
