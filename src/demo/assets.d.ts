/** An .xlsx imported by the demo page: its sheets' values (see xlsxLoader.js). */
declare module "*.xlsx" {
  const workbook: { date1904: boolean; sheets: Record<string, (string | number | boolean | null)[][]> };
  export default workbook;
}
