/** @jest-environment jsdom */
import "../taskpane/shims";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { createElement } from "react";
import { Grid } from "../../src/demo/Grid";
import { Uncalculated } from "../../src/core/input";
import { DemoHost } from "../../src/demo/demoHost";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { TODAY } from "../helpers";

jest.setTimeout(60_000);

/** The grid on a SKUs sheet whose On Hand is a formula saved without its result. */
function gridOnSkus(): DemoHost {
  const host = new DemoHost(
    new MemoryWorkbook({
      SKUs: [
        ["SKU", "On Hand"],
        ["A", new Uncalculated("SUM(B2:B9)")],
      ],
    }),
    { today: TODAY },
  );
  render(createElement(Grid, { host }));
  return host;
}

describe("the demo's grid", () => {
  it("shows a 260,000-row Supply Plan just written, drawing only the rows and columns in view", async () => {
    const host = gridOnSkus();
    const rows = Array.from({ length: 260_000 }, (_, i) => [`SKU-${i}`, "MAIN", (i % 26) + 1, ...Array.from({ length: 13 }, (_, c) => c * i)]);
    await act(() => host.writeSheets([{ name: "Supply Plan", rows: [["SKU", "Warehouse", "Week", ...Array.from({ length: 13 }, (_, c) => `Column ${c}`)], ...rows] }]));
    const grid = screen.getByTestId("grid");
    expect(grid.getAttribute("data-sheet")).toBe("Supply Plan");
    expect(grid.getAttribute("aria-rowcount")).toBe("260001");
    expect(grid.getAttribute("aria-colcount")).toBe("16");
    expect(grid.querySelectorAll('[role="row"]').length).toBeLessThan(60);
    expect(grid.querySelectorAll('[role="columnheader"]').length).toBeLessThan(16);
    act(() => {
      grid.scrollTop = 259_996 * 24;
      grid.scrollLeft = 12 * 118;
      fireEvent.scroll(grid);
    });
    const last = grid.querySelector('[data-row="260000"]')!;
    expect(last.querySelector('[data-cell="P260001"]')?.textContent).toBe(String(12 * 259_999));
    // Column A is out of view, so not drawn; back at the left it is.
    expect(last.querySelector('[data-cell="A260001"]')).toBeNull();
    act(() => {
      grid.scrollLeft = 0;
      fireEvent.scroll(grid);
    });
    expect(grid.querySelector('[data-cell="A260001"]')?.textContent).toBe("SKU-259999");
  });

  it("shows a formula saved without its result as the formula", async () => {
    gridOnSkus();
    expect(screen.getByTestId("grid").querySelector('[data-cell="B2"]')?.textContent).toBe("=SUM(B2:B9)");
  });
});
