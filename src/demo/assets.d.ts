/** An .xlsx imported by the demo page: what makes its sheets' values, anew each call (see xlsxLoader.js). */
declare module "*.xlsx" {
  const workbook: () => { date1904: boolean; sheets: Record<string, (string | number | boolean | null)[][]> };
  export default workbook;
}
