/*
 * Webpack loader: an .xlsx file becomes a module of its sheets' cell values, so the
 * demo page starts with the workbook in memory and no Excel parser in the browser.
 * Values are what Excel's Range.values gives: dates as serial numbers, formulas as
 * their cached results. Uses the project's own reader (lib/, made by `npm run build`).
 */
const path = require("node:path");

module.exports = function xlsxLoader() {
  const done = this.async();
  const lib = path.resolve(__dirname, "../../lib");
  const { XlsxBook } = require(path.join(lib, "workbook/xlsx.js"));
  const { dayFromDate, serialFromDay } = require(path.join(lib, "core/dates.js"));
  XlsxBook.open(this.resourcePath)
    .then((book) => {
      const input = book.input();
      const date1904 = Boolean(input.date1904);
      const sheets = {};
      for (const grid of input.grids) {
        if (grid.table) continue;
        sheets[grid.sheet] = grid.values.map((row) => Array.from(row, (v) => (v instanceof Date ? serialFromDay(dayFromDate(v), date1904) : v === undefined ? null : v)));
      }
      // A string for JSON.parse: the browser reads a JSON text several times faster than the same data as a script literal.
      done(null, `export default JSON.parse(${JSON.stringify(JSON.stringify({ date1904, sheets }))});`);
    })
    .catch(done);
};
