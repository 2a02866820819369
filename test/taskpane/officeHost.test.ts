import { OfficeHost } from "../../src/taskpane/officeHost";
import { OfficeWorkbook } from "../../src/workbook/office";
import { memorySecrets } from "../../src/taskpane/memoryHost";
import { FakeExcel } from "../workbook/fakeExcel";

test("appends land below each sheet's last used row, in order, and cells are written as text where they are text", async () => {
  const excel = new FakeExcel({
    "Order Overrides": [
      ["SKU", "Warehouse", "Week", "Quantity"],
      ["A", "MAIN", 46349, 5],
    ],
    SKUs: [
      ["SKU", "On Hand"],
      ["A", 1],
    ],
  });
  const host = new OfficeHost(new OfficeWorkbook(() => excel as unknown as typeof Excel), memorySecrets());
  const applied = await host.apply({
    append: [
      { sheet: "Order Overrides", col: 0, values: ["B", "MAIN", 46356, 7] },
      { sheet: "Order Overrides", col: 0, values: ["=evil()", null, 46356, 0] },
    ],
    cells: [{ sheet: "SKUs", row: 1, col: 1, value: 9 }],
  });
  // Rows 0–1 are used: the two appends are rows 2 and 3.
  expect(applied.appendedRows).toEqual([2, 3]);
  expect(excel.sheet("Order Overrides").cells.slice(2)).toEqual([
    ["B", "MAIN", 46356, 7],
    ["=evil()", "", 46356, 0],
  ]);
  expect(excel.sheet("SKUs").cells[1]).toEqual(["A", 9]);
  // One run: a sync to find the ends, one to write.
  expect(excel.runs).toBe(1);
});

test("reads through the Office adapter", async () => {
  const excel = new FakeExcel({ SKUs: [["SKU"], ["A"]] });
  const host = new OfficeHost(new OfficeWorkbook(() => excel as unknown as typeof Excel), memorySecrets());
  const input = await host.read();
  expect(input.grids.find((g) => g.name === "SKUs")?.values).toEqual([["SKU"], ["A"]]);
});
