import { parseAddress } from "../../src/core/problems";
import { MemoryHost } from "../../src/taskpane/memoryHost";
import { MemoryWorkbook } from "../../src/workbook/memory";

const book = () =>
  new MemoryWorkbook({
    SKUs: [
      ["SKU", "On Hand"],
      ["A1", 5],
      [null, null],
    ],
    "PO Lines": [["PO Number", "Line"]],
  });

describe("parseAddress", () => {
  test("plain and quoted sheet names, first cell of a range", () => {
    expect(parseAddress("SKUs!E7")).toEqual({ sheet: "SKUs", row: 6, col: 4 });
    expect(parseAddress("'PO Lines'!$AB$10:AC12")).toEqual({ sheet: "PO Lines", row: 9, col: 27 }); // AB = 26 + 2 = 28th column
    expect(parseAddress("'Bob''s'!A1")).toEqual({ sheet: "Bob's", row: 0, col: 0 });
    expect(parseAddress("E7")).toBeUndefined();
  });
});

describe("MemoryHost", () => {
  test("appends below the last non-blank row at the given column and sets cells", async () => {
    const host = new MemoryHost(book());
    let changes = 0;
    await host.watch(() => changes++);
    await host.apply({ append: [{ sheet: "SKUs", col: 1, values: [7] }], cells: [{ sheet: "SKUs", row: 1, col: 3, value: "x" }] });
    expect(host.book.sheet("SKUs")).toEqual([
      ["SKU", "On Hand"],
      ["A1", 5, null, "x"],
      [null, 7],
    ]);
    expect(changes).toBe(1);
  });

  test("writes nothing when a sheet of the batch is missing", async () => {
    const host = new MemoryHost(book());
    await expect(host.apply({ append: [{ sheet: "SKUs", col: 0, values: ["B"] }], cells: [{ sheet: "Nope", row: 0, col: 0, value: 1 }] })).rejects.toThrow(/Nope/);
    expect(host.book.sheet("SKUs")).toHaveLength(3);
  });

  test("writes sheets with progress up to the total and selects cells", async () => {
    const host = new MemoryHost(book());
    const seen: number[] = [];
    const rows = Array.from({ length: 4500 }, (_, i) => [i]);
    await host.writeSheets([{ name: "Supply Plan", rows }], (done, total) => seen.push(done / total));
    expect(host.book.sheet("Supply Plan")).toHaveLength(4500);
    // Chunks of 2,000 rows: 2000, 4000, 4500 of 4500, then the final report.
    expect(seen).toEqual([2000 / 4500, 4000 / 4500, 1, 1]);
    await host.select("'PO Lines'!B1");
    expect(host.selection).toEqual({ sheet: "PO Lines", row: 0, col: 1 });
    await expect(host.select("Nowhere!A1")).rejects.toThrow();
  });
});
