/*
 * Webpack loader: an .xlsx file becomes a module that makes its sheets' cell values, so the
 * demo page starts with the workbook in memory and no Excel parser in the browser.
 * Values are what Excel's Range.values gives: dates as serial numbers, formulas as
 * their cached results; a formula saved without one stays an Uncalculated cell, so
 * the demo reports it as Excel-less readers must. Uses the project's own reader (lib/,
 * made by `npm run build`; the option `lib` points elsewhere, as the tests point it at src/).
 */
const path = require("node:path");

module.exports = function xlsxLoader() {
  const done = this.async();
  const lib = this.getOptions?.().lib ?? path.resolve(__dirname, "../../lib");
  const { XlsxBook } = require(path.join(lib, "workbook/xlsx"));
  const { Uncalculated } = require(path.join(lib, "core/input"));
  const { dayFromDate, serialFromDay } = require(path.join(lib, "core/dates"));
  XlsxBook.open(this.resourcePath)
    .then((book) => {
      const input = book.input();
      const date1904 = Boolean(input.date1904);
      const formulas = [];
      const sheets = {};
      for (const grid of input.grids) {
        if (grid.table) continue;
        sheets[grid.sheet] = grid.values.map((row) =>
          Array.from(row, (v) => {
            if (v instanceof Date) return serialFromDay(dayFromDate(v), date1904);
            if (v instanceof Uncalculated) return { uncalculated: formulas.push(v.formula) - 1 };
            return v === undefined ? null : v;
          }),
        );
      }
      // In ASCII (other characters as \u escapes): one character beyond it makes the browser hold the whole script, megabytes, as two bytes a character.
      const data = JSON.stringify({ date1904, sheets }).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
      // A function making the workbook anew each time: the page holds it in memory and changes it, and Start over needs it as it was.
      // A string for JSON.parse: the browser reads a JSON text several times faster than the same data as a script literal.
      if (formulas.length === 0) return done(null, `export default () => JSON.parse(${JSON.stringify(data)});`);
      // Each placeholder becomes the core's own Uncalculated value.
      const inputModule = JSON.stringify(path.resolve(__dirname, "../core/input.ts"));
      const code = data.replace(/\{"uncalculated":(\d+)\}/g, (_, i) => `new Uncalculated(${JSON.stringify(formulas[Number(i)])})`);
      done(null, `import { Uncalculated } from ${inputModule};\nexport default () => (${code});`);
    })
    .catch(done);
};
