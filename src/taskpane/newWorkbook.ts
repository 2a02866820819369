import type { SheetSpec } from "../core/sheetSpec";
import { writeNewWorkbook } from "../workbook/xlsx/book";
import type { Deflate } from "../workbook/xlsx/zip";

/**
 * Sheets as an .xlsx file in base64, for `Excel.createWorkbook`: rendered by the same
 * renderer as the CLI's files (styles, the table, frozen rows, print settings),
 * compressed by the browser's own CompressionStream where it has one.
 */
export async function xlsxBase64(sheets: SheetSpec[]): Promise<string> {
  const chunks: Uint8Array[] = [];
  await writeNewWorkbook(
    sheets.map((spec) => ({ spec })),
    (bytes) => void chunks.push(bytes),
    { deflate: browserDeflate() },
  );
  let binary = "";
  for (const chunk of chunks) for (let i = 0; i < chunk.length; i += 0x8000) binary += String.fromCharCode(...chunk.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** deflate-raw through CompressionStream; undefined (parts stored) where the browser lacks it. */
function browserDeflate(): Deflate | undefined {
  try {
    new CompressionStream("deflate-raw");
  } catch {
    return undefined;
  }
  return async function* deflate(bytes) {
    const stream = new CompressionStream("deflate-raw");
    const writer = stream.writable.getWriter();
    const feed = (async () => {
      for await (const chunk of bytes) await writer.write(chunk as Uint8Array<ArrayBuffer>);
      await writer.close();
    })();
    const reader = stream.readable.getReader();
    for (let step = await reader.read(); !step.done; step = await reader.read()) yield step.value;
    await feed;
  };
}
