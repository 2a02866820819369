import { writeFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { ZipFile } from "../../src/workbook/xlsx/file/zipFile";
import { ZipWriter } from "../../src/workbook/xlsx/zip";

/** A zip of the given parts, deflated (or stored), written to `path`: for files no spreadsheet program would make. */
export async function writeZip(path: string, parts: Record<string, string | Buffer>, store = false): Promise<string> {
  const chunks: Uint8Array[] = [];
  const zip = new ZipWriter((bytes) => void chunks.push(bytes));
  for (const [name, content] of Object.entries(parts)) {
    const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    await zip.add(
      name,
      [bytes],
      store
        ? undefined
        : async function* (input) {
            const all: Uint8Array[] = [];
            for await (const b of input) all.push(b);
            yield deflateRawSync(Buffer.concat(all));
          },
    );
  }
  await zip.finish();
  writeFileSync(path, Buffer.concat(chunks));
  return path;
}

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A worksheet part around `rows` (the XML inside sheetData). */
export function sheetXml(rows: string, before = "", after = ""): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet ${MAIN}>${before}<sheetData>${rows}</sheetData>${after}</worksheet>`;
}

/**
 * The parts of a workbook of the given worksheets (name → sheet XML), with optional
 * shared strings, styles, extra parts and workbook properties.
 */
export function workbookParts(
  sheets: Record<string, string>,
  options: { strings?: string[]; styles?: string; extra?: Record<string, string>; workbookPr?: string; sheetRels?: Record<string, string> } = {},
): Record<string, string> {
  const names = Object.keys(sheets);
  const parts: Record<string, string> = {
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${names
      .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
      .join("")}</Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook ${MAIN}>${options.workbookPr ?? ""}<sheets>${names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join(
        "",
      )}<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ...options.extra,
  };
  names.forEach((name, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = sheets[name];
    const rels = options.sheetRels?.[name];
    if (rels) parts[`xl/worksheets/_rels/sheet${i + 1}.xml.rels`] = rels;
  });
  if (options.strings) {
    parts["xl/sharedStrings.xml"] =
      `<?xml version="1.0" encoding="UTF-8"?><sst ${MAIN} count="${options.strings.length}" uniqueCount="${options.strings.length}">${options.strings.map((s) => `<si><t>${s}</t></si>`).join("")}</sst>`;
  }
  if (options.styles) parts["xl/styles.xml"] = options.styles;
  return parts;
}

/** Styles with cell format 1 a date (`yyyy-mm-dd`) and 2 a plain number format. */
export const DATE_STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${MAIN}><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd;@"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

/** Every part of a zip as stored: name → its CRC, method and stored bytes. */
export async function storedParts(path: string): Promise<Map<string, { crc: number; method: number; bytes: Buffer }>> {
  const zip = await ZipFile.open(path);
  try {
    const out = new Map<string, { crc: number; method: number; bytes: Buffer }>();
    for (const entry of zip.entries.values()) {
      const chunks: Buffer[] = [];
      for await (const chunk of zip.stored(entry)) chunks.push(chunk);
      out.set(entry.name, { crc: entry.crc, method: entry.method, bytes: Buffer.concat(chunks) });
    }
    return out;
  } finally {
    await zip.close();
  }
}

/** One part's text. */
export async function partText(path: string, part: string): Promise<string | undefined> {
  const zip = await ZipFile.open(path);
  try {
    const entry = zip.entry(part);
    return entry ? await zip.text(entry, 1e9) : undefined;
  } finally {
    await zip.close();
  }
}
