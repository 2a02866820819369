/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { whySheets, WORKED_WEEK_1 } from "../core/whyFixture";
import { openItem, projectedOf, recommendedOf, renderPane, weekAction } from "./pane";

// Fluent UI in jsdom is slow on a shared 2-core machine.
jest.setTimeout(30_000);

/** The worked example of docs/planning.md and its variants (test/core/why.test.ts has every sentence). */
const book = () => new MemoryWorkbook(whySheets());

/** The sentences of the "why" of one week of an item-location, as the pane shows them. */
async function why(sku: string, week: number): Promise<string[]> {
  await openItem(sku, "MAIN");
  await weekAction(week, "Why this quantity?");
  const region = await screen.findByRole("region", { name: `Why week ${week}` });
  return [...region.children].slice(1).map((line) => line.textContent!);
}

test("PLANNING.md's worked example: the week lines and why week 1 orders 60", async () => {
  await renderPane(book());
  expect(await why("WORKED", 1)).toEqual(WORKED_WEEK_1);
  // Weeks 1–2 cannot be covered (70, 40); then 60 arrives every other week: 70, 40, 70, …
  expect([1, 2, 3, 4, 5, 6, 7, 8].map(projectedOf)).toEqual(["70", "40", "70", "40", "70", "40", "70", "40"]);
  expect([1, 2, 3, 4, 5, 6, 7, 8].map(recommendedOf)).toEqual(["60", "0", "60", "0", "60", "0", "0", "0"]);
});
