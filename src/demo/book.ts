import type { CellValue } from "../core/input";

/** A workbook the demo page holds: its cell values (dates as serials, as Excel's Range.values gives them). */
export interface DemoBook {
  /** What the page calls it: the file's name, or "demo.xlsx" for the sample. */
  name: string;
  date1904: boolean;
  sheets: Record<string, CellValue[][]>;
}
