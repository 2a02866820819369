import { Tab, TabList, Text } from "@fluentui/react-components";
import { useEffect, useReducer, useRef, useState } from "react";
import type { CellValue } from "../core/input";
import { cellName, columnLetters } from "../core/problems";
import { isoFromDay, dayFromSerial } from "../core/dates";
import type { DemoHost } from "./demoHost";

const ROW = 24;
const COL = 118;
/** Rows drawn beyond the visible ones, so that scrolling does not show gaps. */
const SPARE = 10;
/** Headers whose numbers are dates (Excel shows them through a date format; memory has no formats). */
const DATE_HEADER = /date|delivery|^week( start)?$|^plan start$/i;

/** The demo's stand-in for Excel: the sheets of the workbook in memory, the last write highlighted. */
export function Grid({ host }: { host: DemoHost }) {
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  useEffect(() => host.observe(redraw), [host]);
  const books = [{ name: "", sheets: host.book.sheets }, ...host.created.map((c) => ({ name: c.name, sheets: c.book.sheets }))];
  const tabs = books.flatMap((b) =>
    [...b.sheets.keys()].map((sheet) => ({ id: b.name ? `${b.name}|${sheet}` : sheet, label: b.name ? `${b.name}: ${sheet}` : sheet, rows: b.sheets.get(sheet)! })),
  );
  const [tab, setTab] = useState(tabs[0]?.id ?? "");
  const selection = host.selection;
  const written = host.lastWrite;
  // Follow the workbook: a selected cell's sheet, else the sheet just written, else a new workbook.
  const follow = useRef({ selection, written, created: host.created.length });
  useEffect(() => {
    const seen = follow.current;
    if (selection && selection !== seen.selection) setTab(selection.sheet);
    else if (written !== seen.written && written.sheets.size > 0) setTab([...written.sheets][0]);
    else if (host.created.length > seen.created) {
      const made = host.created[host.created.length - 1];
      setTab(`${made.name}|${[...made.book.sheets.keys()][0]}`);
    }
    follow.current = { selection, written, created: host.created.length };
  }, [selection, written, host.created, host.created.length]);
  const current = tabs.find((t) => t.id === tab) ?? tabs[0];
  return (
    <>
      <TabList
        selectedValue={current?.id}
        onTabSelect={(_, d) => setTab(String(d.value))}
        size="small"
        aria-label="Sheets"
        style={{ flexWrap: "wrap", borderBottom: "1px solid #e0e0e0" }}
      >
        {tabs.map((t) => (
          <Tab key={t.id} value={t.id} data-testid={`sheet-tab-${t.label}`}>
            {t.label}
            {written.sheets.has(t.id) ? " •" : ""}
          </Tab>
        ))}
      </TabList>
      {current ? (
        <SheetView key={current.id} name={current.id} rows={current.rows} selected={selection?.sheet === current.id ? selection : undefined} written={written.cells} />
      ) : (
        <Text>The workbook has no sheets.</Text>
      )}
    </>
  );
}

/** The widest row's width, counted in a loop: a sheet has too many rows to spread into Math.max. */
function widest(rows: CellValue[][]): number {
  let cols = 1;
  for (const row of rows) if (row.length > cols) cols = row.length;
  return cols;
}

function SheetView({ name, rows, selected, written }: { name: string; rows: CellValue[][]; selected?: { row: number; col: number }; written: Set<string> }) {
  const box = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const [left, setLeft] = useState(0);
  const [height, setHeight] = useState(600);
  const [width, setWidth] = useState(1200);
  useEffect(() => {
    if (box.current) {
      setHeight(box.current.clientHeight || 600);
      setWidth(box.current.clientWidth || 1200);
    }
  }, []);
  useEffect(() => {
    if (selected && box.current) {
      box.current.scrollTop = Math.max(0, (selected.row - 3) * ROW);
      box.current.scrollLeft = Math.max(0, (selected.col - 2) * COL);
    }
  }, [selected]);
  const cols = widest(rows);
  const header = rows.findIndex((r) => r.some((v) => v !== null && v !== undefined && v !== ""));
  const dateCols = new Set((rows[header] ?? []).flatMap((h, c) => (typeof h === "string" && DATE_HEADER.test(h.trim()) ? [c] : [])));
  // Only the rows and columns in view (and a few around them) are drawn: a sheet may have a million rows.
  const first = Math.max(0, Math.floor(top / ROW) - SPARE);
  const last = Math.min(rows.length, Math.ceil((top + height) / ROW) + SPARE);
  const firstCol = Math.max(0, Math.floor(left / COL) - 2);
  const lastCol = Math.min(cols, Math.ceil((left + width) / COL) + 2);
  const shown = Array.from({ length: lastCol - firstCol }, (_, i) => firstCol + i);
  const cell = (v: CellValue, c: number, r: number): string => {
    if (v === null || v === undefined) return "";
    const dated = (r > header && dateCols.has(c)) || (c === 1 && /^plan\s*start$/i.test(String(rows[r][0] ?? "").trim()));
    if (typeof v === "number" && dated && v > 0 && v < 2_958_466) return isoFromDay(dayFromSerial(v));
    return String(v);
  };
  return (
    <div
      ref={box}
      onScroll={(e) => {
        setTop(e.currentTarget.scrollTop);
        setLeft(e.currentTarget.scrollLeft);
      }}
      style={{ flex: 1, overflow: "auto", position: "relative", fontSize: 12 }}
      data-testid="grid"
      data-sheet={name}
      role="grid"
      aria-label={`Sheet ${name}`}
      aria-rowcount={rows.length}
      aria-colcount={cols}
    >
      <div style={{ height: (rows.length + 1) * ROW, width: (cols + 1) * COL, position: "relative" }}>
        <div style={{ position: "sticky", top: 0, zIndex: 1, display: "flex", background: "#f3f3f3", height: ROW }} role="row">
          <div style={{ width: 48 + firstCol * COL, flex: "none" }} />
          {shown.map((c) => (
            <div key={c} role="columnheader" style={{ width: COL, flex: "none", textAlign: "center", borderRight: "1px solid #e0e0e0", lineHeight: `${ROW}px` }}>
              {columnLetters(c)}
            </div>
          ))}
        </div>
        {rows.slice(first, last).map((row, i) => {
          const r = first + i;
          return (
            <div
              key={r}
              role="row"
              aria-rowindex={r + 1}
              data-row={r}
              style={{ position: "absolute", top: (r + 1) * ROW, height: ROW, display: "flex", fontWeight: r === header ? 600 : undefined }}
            >
              <div style={{ width: 48, flex: "none", background: "#f3f3f3", textAlign: "right", paddingRight: 4, lineHeight: `${ROW}px` }}>{r + 1}</div>
              <div style={{ width: firstCol * COL, flex: "none" }} />
              {shown.map((c) => {
                const isSelected = selected?.row === r && selected.col === c;
                const isWritten = written.has(`${name}!${r}!${c}`);
                return (
                  <div
                    key={c}
                    role="gridcell"
                    data-cell={cellName(r, c)}
                    aria-selected={isSelected || undefined}
                    title={cell(row[c], c, r)}
                    style={{
                      width: COL,
                      flex: "none",
                      overflow: "hidden",
                      whiteSpace: "nowrap",
                      textOverflow: "ellipsis",
                      padding: "0 4px",
                      boxSizing: "border-box",
                      lineHeight: `${ROW}px`,
                      borderRight: "1px solid #eee",
                      borderBottom: "1px solid #eee",
                      background: isWritten ? "#dff6dd" : undefined,
                      outline: isSelected ? "2px solid #0f6cbd" : undefined,
                      outlineOffset: -2,
                      textAlign: typeof row[c] === "number" ? "right" : undefined,
                    }}
                  >
                    {cell(row[c], c, r)}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}
