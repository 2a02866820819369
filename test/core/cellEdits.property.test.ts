import fc from "fast-check";
import { applyCellEdits } from "../../src/core/cellEdits";
import type { Grid } from "../../src/core/input";
import { type Planned, planWorkbook } from "../../src/core/planned";
import { TODAY } from "../helpers";
import { everyAnswer } from "../runtime/everyAnswer";
import { type Book, copyOf, editOf, type EditPick, randomBook, write } from "../runtime/randomBook";

/**
 * The workbook as an adapter hands it over: every sheet, values copied (the model writes
 * edits into its own). `placed`: as Excel tables on a sheet of their own, starting at C3.
 */
function inputOf(book: Book, placed: boolean) {
  const grids: Grid[] = Object.entries(book).map(([name, rows]) => ({
    name,
    sheet: placed ? `${name} data` : name,
    values: rows.map((row) => [...row]),
    ...(placed ? { table: true, originRow: ORIGIN.row, originCol: ORIGIN.col } : {}),
  }));
  return { grids };
}

const ORIGIN = { row: 2, col: 2 };

const pick: fc.Arbitrary<EditPick> = fc.record({
  sheet: fc.nat(),
  row: fc.nat(),
  col: fc.nat(),
  value: fc.nat(),
  wide: fc.boolean(),
  blank: fc.boolean(),
});

/*
 * ISSUE 12 / FUNCTIONS.md "Live": an edit inside an input sheet's rows updates only what
 * it touches, and the result is ALWAYS the state a full read and plan gives. Random
 * workbooks, random edit sequences (values that fit and junk; now and then a header, a
 * new row, a sheet read in full): after every edit, every function answer and everything
 * the pane shows must equal a full read's.
 */
describe("an edit applied to the planned workbook equals a full read and plan of the edited workbook", () => {
  let incremental = 0;
  let total = 0;

  afterAll(() => {
    // The property is only worth something if most edits took the incremental path.
    expect(incremental / total).toBeGreaterThan(0.5);
  });

  it("for random edit sequences", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.boolean(), fc.array(pick, { minLength: 1, maxLength: 20 }), (seed, placed, picks) => {
        const truth = randomBook(seed);
        let state: Planned = planWorkbook(inputOf(truth, placed), TODAY);
        everyAnswer(state); // fills the memos and the Order-now list, so that they are brought up to date
        for (const p of picks) {
          const edit = editOf(truth, p);
          write(truth, edit);
          const cells = placed ? { ...edit, sheet: `${edit.sheet} data`, row: edit.row + ORIGIN.row, col: edit.col + ORIGIN.col } : edit;
          const next = state.ok ? applyCellEdits(state, [cells]) : undefined;
          total++;
          if (next) incremental++;
          state = next ?? planWorkbook(inputOf(truth, placed), TODAY);
          expect(everyAnswer(state)).toEqual(everyAnswer(planWorkbook(inputOf(copyOf(truth), placed), TODAY)));
        }
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});
