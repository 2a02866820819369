/** @jest-environment jsdom */
// Before the pane's modules: the integration module needs TextEncoder when it loads.
import "./shims";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { CellValue } from "../../src/core/input";
import type { MemoryHost } from "../../src/taskpane/memoryHost";
import { INTEGRATION_STORE } from "../../src/taskpane/orders";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { settings, SUPPLIERS } from "../helpers";
import { leafTexts, mountPane, renderPane, watchSheetWrites } from "./pane";

// Fluent UI in jsdom is slow on a shared 2-core machine.
jest.setTimeout(30_000);

const SKUS: CellValue[][] = [
  ["SKU", "Supplier", "On Hand", "Unit Cost", "Weekly Forecast", "My Notes"],
  ["A1", "ACME", 40, 2, 10, "keep me"],
];

async function openSettings(book: MemoryWorkbook) {
  const pane = await renderPane(book);
  fireEvent.click(screen.getByRole("tab", { name: "Settings" }));
  await screen.findByRole("heading", { name: "Settings of this workbook" });
  return pane;
}

const shown = () =>
  within(screen.getByRole("table", { name: "Settings in effect" }))
    .getAllByRole("row")
    .slice(1)
    .map(leafTexts);

/** Every cell of every sheet of the workbook, as text. */
const allCells = (host: MemoryHost) => [...host.book.sheets.values()].flat(2).map(String);

describe("the settings in effect", () => {
  test("as the Settings sheet gives them; Plan Start moves back to its Monday, a blank takes the default", async () => {
    await openSettings(
      new MemoryWorkbook({
        Settings: settings({
          "Plan Start": "2026-11-25",
          "Horizon Weeks": 12,
          Currency: "EUR",
          "Default Warehouse": null,
          "Safety Days": 7,
          "Review Weeks": 2,
          "PO Prefix": "ORD-",
          "Integration URL": "https://erp.example.com/po",
        }),
        Suppliers: SUPPLIERS,
        SKUs: SKUS,
      }),
    );
    // 2026-11-25 is a Wednesday: week 1 starts on Monday 2026-11-23.
    expect(shown()).toEqual([
      ["Plan Start", "23 Nov 2026"],
      ["Horizon Weeks", "12"],
      ["Currency", "EUR"],
      ["Default Warehouse", "MAIN"],
      ["Safety Days", "7"],
      ["Review Weeks", "2"],
      ["PO Prefix", "ORD-"],
      ["Integration URL", "https://erp.example.com/po"],
      // Not on that Settings sheet: their defaults (docs/workbook.md).
      ["Forecast Method", "auto"],
      ["Service Level", "none"],
      ["Receipt Tolerance %", "0%"],
    ]);
  });

  test("without a Settings sheet, WORKBOOK.md's defaults (week 1 is the current week)", async () => {
    await openSettings(new MemoryWorkbook({ Suppliers: SUPPLIERS, SKUs: SKUS }));
    expect(shown()).toEqual([
      ["Plan Start", "23 Nov 2026"],
      ["Horizon Weeks", "26"],
      ["Currency", "USD"],
      ["Default Warehouse", "MAIN"],
      ["Safety Days", "0"],
      ["Review Weeks", "1"],
      ["PO Prefix", "PO-"],
      ["Integration URL", "none"],
      ["Forecast Method", "auto"],
      ["Service Level", "none"],
      ["Receipt Tolerance %", "0%"],
    ]);
  });
});

test("the integration's URL and key are kept together in the add-in's storage, never in the workbook", async () => {
  const key = "k3y-9f2c-secret";
  const book = new MemoryWorkbook({ Settings: settings({ "Integration URL": "https://erp.example.com/po" }), Suppliers: SUPPLIERS, SKUs: SKUS });
  const { host } = await openSettings(book);
  const before = JSON.stringify([...host.book.sheets]);
  const apply = jest.spyOn(host, "apply");
  const writeSheets = jest.spyOn(host, "writeSheets");

  const url = screen.getByLabelText("Integration URL on this machine") as HTMLInputElement;
  expect(url.value).toBe(""); // never filled in from the workbook: a shared workbook must not choose where orders go
  const box = screen.getByLabelText("Key for signing orders sent to that URL") as HTMLInputElement;
  expect(box.type).toBe("password");
  fireEvent.change(url, { target: { value: "http://erp.example.com/po" } });
  expect(screen.getByText("Use an https: address (http: only to this machine).")).toBeTruthy();
  fireEvent.change(url, { target: { value: " https://erp.example.com/po " } });
  fireEvent.change(box, { target: { value: `  ${key} ` } });
  fireEvent.click(screen.getByRole("button", { name: "Save integration" }));
  await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("kept on this machine only, never in the workbook"));
  expect(JSON.parse(host.secrets.get(INTEGRATION_STORE)!)).toEqual({ url: "https://erp.example.com/po", key });
  expect([url.value, box.value]).toEqual(["", ""]);
  expect(screen.getByTestId("integration-stored").textContent).toBe("On this machine: orders are sent to https://erp.example.com/po (a key is stored).");
  expect(apply).not.toHaveBeenCalled();
  expect(writeSheets).not.toHaveBeenCalled();
  expect(JSON.stringify([...host.book.sheets])).toBe(before);

  // The pane's own writes afterwards do not carry it into the workbook either.
  fireEvent.click(screen.getByRole("button", { name: "Create Planster sheets" }));
  await waitFor(() => expect(screen.getByTestId("notice").textContent).toMatch(/^Done.*Created/));
  fireEvent.click(screen.getByRole("tab", { name: "Supply Plan" }));
  fireEvent.click(await screen.findByRole("button", { name: "Write Supply Plan sheet" }));
  await waitFor(() => expect(host.book.sheet("Supply Plan")).toBeDefined());
  expect(allCells(host).filter((cell) => cell.includes(key))).toEqual([]);

  fireEvent.click(screen.getByRole("tab", { name: "Settings" }));
  fireEvent.click(await screen.findByRole("button", { name: "Remove integration" }));
  await waitFor(() => expect(host.secrets.get(INTEGRATION_STORE)).toBeNull());
  expect(screen.getByTestId("integration-stored").textContent).toBe("No integration is stored on this machine.");
});

test("a workbook naming another integration URL than the stored one is flagged", async () => {
  const book = new MemoryWorkbook({ Settings: settings({ "Integration URL": "https://evil.example/po" }), Suppliers: SUPPLIERS, SKUs: SKUS });
  const pane = await renderPane(book);
  pane.host.secrets.set(INTEGRATION_STORE, JSON.stringify({ url: "https://erp.example.com/po", key: "k" }));
  fireEvent.click(screen.getByRole("tab", { name: "Settings" }));
  expect((await screen.findByText(/This workbook's Integration URL is https:\/\/evil\.example\/po, not the one stored here/)).textContent).toContain("its orders are not sent");
});

describe("Create Planster sheets", () => {
  /** Headers of WORKBOOK.md and ORDERS.md, sheet by sheet. */
  const HEADERS: Record<string, string[]> = {
    Settings: ["Setting", "Value"],
    SKUs: [
      "SKU",
      "Description",
      "Warehouse",
      "Supplier",
      "On Hand",
      "Safety Stock",
      "Safety Days",
      "Lead Time Days",
      "MOQ",
      "Order Multiple",
      "Unit Cost",
      "Purchase Status",
      "Weekly Forecast",
      "Service Level",
      "Forecast Method",
      "Lead Time SD Days",
    ],
    Suppliers: ["Supplier", "Name", "Email", "Lead Time Days", "Currency", "Payment Terms", "Address", "Lead Time SD Days", "Min Order Value"],
    "Supplier Items": ["SKU", "Supplier", "Unit Price", "Lead Time Days", "MOQ", "Order Multiple", "Preferred", "Lead Time SD Days"],
    Forecast: ["SKU", "Warehouse", "Week", "Quantity"],
    // docs/forecasting.md: the long layout.
    "Sales History": ["SKU", "Warehouse", "Date", "Quantity", "Stockout"],
    "Forecast Overrides": ["SKU", "Warehouse", "Week", "Quantity"],
    Warehouses: ["Warehouse", "Name", "District", "Region"],
    "Purchase Statuses": ["Code", "Type", "Description"],
    "Status Overrides": ["SKU", "Warehouse", "District", "Region", "Status"],
    "Order Overrides": ["SKU", "Warehouse", "Week", "Quantity"],
    "Purchase Orders": [
      "PO Number",
      "Type",
      "Supplier",
      "Warehouse",
      "Status",
      "Order Date",
      "Expected Delivery",
      "Currency",
      "Total",
      "Notes",
      "Revision",
      "External ID",
      "Sync Status",
      "Last Synced",
    ],
    "PO Lines": ["PO Number", "Line", "SKU", "Quantity", "Unit Price", "Line Total", "Received Qty", "Expected Delivery", "Last Received"],
  };
  // STATUSES.md: the pickers never offer P.
  const STATUS_CODES = ["A", "M", "D", "O", "T"];
  const DATE = "yyyy-mm-dd";
  const MONEY = "#,##0.00";
  const QUANTITY = "#,##0.##";

  test("on an empty workbook: every sheet as a table with headers, formats and dropdowns, and the pane starts planning", async () => {
    const { host } = mountPane(new MemoryWorkbook());
    await screen.findByText("Nothing can be planned yet");
    const { sheets: written } = watchSheetWrites(host);
    fireEvent.click(screen.getByRole("button", { name: "Create Planster sheets" }));
    await screen.findByRole("tab", { name: "Home" });

    expect([...host.book.sheets.keys()].sort()).toEqual(Object.keys(HEADERS).sort());
    for (const [name, headers] of Object.entries(HEADERS)) {
      expect([name, host.book.sheet(name)![0]]).toEqual([name, headers]);
      const spec = written.get(name)!;
      // An Excel table whose header row is the first row, bold and frozen.
      expect(spec.table).toMatchObject({ headerRow: 0 });
      expect(spec.table!.name).toMatch(/^[A-Za-z_][A-Za-z0-9_.]*$/);
      expect(spec.freezeRows).toBe(1);
      expect(spec.styles).toContainEqual({ fromRow: 0, toRow: 0, fromCol: 0, toCol: headers.length - 1, style: { bold: true } });
    }
    expect(new Set([...written.values()].map((s) => s.table!.name.toLowerCase())).size).toBe(13);

    // The settings with their defaults (WORKBOOK.md), Plan Start blank so week 1 is the current week.
    expect(host.book.sheet("Settings")!.slice(1)).toEqual([
      ["Plan Start", null],
      ["Horizon Weeks", 26],
      ["Currency", "USD"],
      ["Default Warehouse", "MAIN"],
      ["Safety Days", 0],
      ["Review Weeks", 1],
      ["PO Prefix", "PO-"],
      ["Integration URL", null],
      ["Forecast Method", "auto"],
      ["Service Level", null],
      ["Receipt Tolerance %", 0],
    ]);

    const format = (sheet: string, header: string) => written.get(sheet)!.columnFormats?.[HEADERS[sheet].indexOf(header)];
    expect([format("SKUs", "On Hand"), format("SKUs", "Unit Cost"), format("Supplier Items", "Unit Price")]).toEqual([QUANTITY, MONEY, MONEY]);
    expect([format("Forecast", "Week"), format("Order Overrides", "Week"), format("Order Overrides", "Quantity")]).toEqual([DATE, DATE, QUANTITY]);
    expect([format("Purchase Orders", "Order Date"), format("Purchase Orders", "Expected Delivery"), format("Purchase Orders", "Total")]).toEqual([DATE, DATE, MONEY]);
    expect([format("PO Lines", "Quantity"), format("PO Lines", "Unit Price"), format("PO Lines", "Line Total"), format("PO Lines", "Expected Delivery")]).toEqual([
      QUANTITY,
      MONEY,
      MONEY,
      DATE,
    ]);

    // Dropdowns, as the host received them: the column under its header and the allowed values.
    const dropdown = (sheet: string, header: string) => host.choices.get(sheet)?.find((c) => c.col === HEADERS[sheet].indexOf(header))?.values;
    expect(dropdown("SKUs", "Purchase Status")).toEqual(STATUS_CODES);
    expect(dropdown("Status Overrides", "Status")).toEqual(STATUS_CODES);
    expect(dropdown("Purchase Statuses", "Type")).toEqual(STATUS_CODES);
    expect(dropdown("Purchase Orders", "Status")).toEqual(["Draft", "Submitted", "Confirmed", "Shipped", "Partially Received", "Received", "Closed", "Cancelled"]);
    expect(dropdown("Supplier Items", "Preferred")).toEqual(["TRUE", "FALSE"]);
    expect(dropdown("Sales History", "Stockout")).toEqual(["TRUE", "FALSE"]);

    // The new workbook reads without a single problem.
    expect((await screen.findByTestId("problem-count")).textContent).toBe("No problems in the workbook.");
    expect(screen.getByTestId("notice").textContent).toContain("Created ");
  });

  test("on a workbook that has some of them: those are left untouched, the others are added", async () => {
    const itemsSheet: CellValue[][] = [
      ["sku", "supplier", "unit price"],
      ["A1", "ACME", 1.75],
    ];
    const book = new MemoryWorkbook({ Suppliers: SUPPLIERS, SKUs: SKUS, supplier_items: itemsSheet });
    const before = JSON.stringify([book.sheet("Suppliers"), book.sheet("SKUs"), book.sheet("supplier_items")]);
    const { host } = await openSettings(book);
    const { sheets: written, spy } = watchSheetWrites(host);
    fireEvent.click(screen.getByRole("button", { name: "Create Planster sheets" }));
    await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("Already there and left as they were: SKUs, Suppliers, Supplier Items."));

    // Sheet names ignore case, spaces and "_": supplier_items is the Supplier Items sheet.
    const added = [
      "Settings",
      "Forecast",
      "Sales History",
      "Forecast Overrides",
      "Warehouses",
      "Purchase Statuses",
      "Status Overrides",
      "Order Overrides",
      "Purchase Orders",
      "PO Lines",
    ];
    expect([...written.keys()].sort()).toEqual([...added].sort());
    expect(JSON.stringify([host.book.sheet("Suppliers"), host.book.sheet("SKUs"), host.book.sheet("supplier_items")])).toBe(before);
    expect(host.book.sheet("Supplier Items")).toBeUndefined();
    expect([...host.book.sheets.keys()].sort()).toEqual([...added, "SKUs", "Suppliers", "supplier_items"].sort());

    // A second time there is nothing to add, and nothing is written.
    fireEvent.click(screen.getByRole("button", { name: "Create Planster sheets" }));
    await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("Every Planster sheet is already in this workbook; nothing was changed."));
    expect(spy).toHaveBeenCalledTimes(1);
  });
});
