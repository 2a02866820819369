import {
  Badge,
  Button,
  Dropdown,
  Field,
  Input,
  Link,
  makeStyles,
  mergeClasses,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import { Fragment, useMemo, useState } from "react";
import { editOrder, type OrderEdit } from "../../core/orders/edit";
import { EXPORT_FORMATS, type ExportFormat } from "../../core/orders/exportFormats";
import { orderFromBook } from "../../core/orders/order";
import { isOpen, PO_STATUSES, type PoStatus, type PurchaseOrder } from "../../core/orders/purchaseOrders";
import { flaggedLines, isReadOnly, moveRefusal, supplierTerms } from "../../core/orders/rules";
import { poSheet, poSheetName, sharedOrder } from "../../core/orders/share";
import { DATE_HINT, date, money, parseDate, plural, price, qty } from "../format";
import { editChange, sendChange } from "../orders";
import { useIntoView } from "../inView";
import { usePane } from "../pane";
import { useShared } from "../styles";
import { DateInput } from "./DateInput";

const useStyles = makeStyles({
  // Fluent's dropdowns are at least 250 px wide; here three share a 320 px pane, wrapping when they must.
  pick: { flexGrow: 1, flexBasis: "8rem", minWidth: 0 },
  dropdown: { minWidth: 0, width: "100%" },
  chosen: { whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" },
  statusCol: { width: "24%" },
  totalCol: { width: "32%" },
  end: { justifyContent: "flex-end" },
  detailCell: { backgroundColor: tokens.colorNeutralBackground2, paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalM },
  detail: { scrollMarginTop: tokens.spacingVerticalXXL },
  lineHead: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS },
  short: { width: "8rem" },
  narrow: { width: "5rem" },
});

const ALL = "";
const OPEN = "open";

interface Choice {
  value: string;
  text: string;
}

/** A labelled dropdown; `value` is one of the choices' values. */
function Pick({ label, choices, value, onPick, testId }: { label: string; choices: Choice[]; value: string; onPick: (value: string) => void; testId?: string }) {
  const styles = useStyles();
  const chosen = choices.find((c) => c.value === value);
  return (
    <Field label={label} className={styles.pick}>
      <Dropdown
        value={chosen?.text ?? ""}
        selectedOptions={chosen ? [chosen.value] : []}
        onOptionSelect={(_, d) => onPick(d.optionValue ?? "")}
        data-testid={testId}
        className={styles.dropdown}
        button={{ className: styles.chosen }}
      >
        {choices.map((c) => (
          <Option key={c.value || "(all)"} value={c.value} text={c.text}>
            {c.text}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

export function Logistics() {
  const { state } = usePane();
  const shared = useShared();
  const styles = useStyles();
  const { orderBook, suppliers, warehouses } = state.model;
  const [supplier, setSupplier] = useState(ALL);
  const [warehouse, setWarehouse] = useState(ALL);
  const [status, setStatus] = useState(OPEN);
  const [chosen, setChosen] = useState<string | undefined>();
  const orders = orderBook.orders.filter(
    (po) =>
      (supplier === ALL || po.supplier === supplier) &&
      (warehouse === ALL || po.warehouse === warehouse) &&
      (status === ALL || (status === OPEN ? isOpen(po) : po.status === status)),
  );
  const warehouseCodes = useMemo(() => [...new Set([...warehouses.keys(), ...orderBook.orders.map((po) => po.warehouse)])].sort(), [warehouses, orderBook]);
  if (!orderBook.hasSheets) {
    return <Text block>The workbook has no Purchase Orders and PO Lines sheets yet: use "Create Planster sheets" in Settings.</Text>;
  }
  const cell = mergeClasses(shared.cell, shared.top);
  return (
    <section aria-labelledby="logistics-title" className={shared.stack}>
      <Text as="h2" id="logistics-title" weight="semibold" size={400} block>
        Purchase orders
      </Text>
      <div className={shared.row} role="group" aria-label="Filters">
        <Pick
          label="Supplier"
          value={supplier}
          onPick={setSupplier}
          choices={[{ value: ALL, text: "All suppliers" }, ...[...suppliers.values()].map((s) => ({ value: s.code, text: s.name ? `${s.name} (${s.code})` : s.code }))]}
        />
        <Pick label="Warehouse" value={warehouse} onPick={setWarehouse} choices={[{ value: ALL, text: "All warehouses" }, ...warehouseCodes.map((w) => ({ value: w, text: w }))]} />
        <Pick
          label="Status"
          value={status}
          onPick={setStatus}
          testId="status-filter"
          choices={[{ value: OPEN, text: "Open orders" }, { value: ALL, text: "All orders" }, ...PO_STATUSES.map((s) => ({ value: s, text: s }))]}
        />
      </div>
      <Text block size={200}>
        {plural(orders.length, "order")}
      </Text>
      <Table size="small" aria-label="Purchase orders" data-testid="orders" className={shared.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={cell}>PO</TableHeaderCell>
            <TableHeaderCell className={mergeClasses(cell, styles.statusCol)}>Status</TableHeaderCell>
            <TableHeaderCell className={mergeClasses(cell, styles.totalCol)} button={{ className: styles.end }}>
              Delivery · total
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {orders.map((po) => (
            <Fragment key={po.number}>
              <TableRow data-testid={`order-${po.number}`} aria-selected={po.number === chosen}>
                <TableCell className={cell}>
                  <Link
                    onClick={() => setChosen(po.number === chosen ? undefined : po.number)}
                    aria-label={`Open purchase order ${po.number}`}
                    aria-expanded={po.number === chosen}
                  >
                    {po.number}
                  </Link>
                  <Text block size={200}>
                    {po.supplier} → {po.warehouse}
                  </Text>
                </TableCell>
                <TableCell className={cell} data-testid="order-status">
                  <Text block size={200}>
                    {po.status ?? "unknown"}
                  </Text>
                  {po.syncStatus && (
                    <Text block size={200}>
                      {po.syncStatus}
                    </Text>
                  )}
                </TableCell>
                <TableCell className={mergeClasses(cell, shared.number)}>
                  <Text block align="end" size={200}>
                    {date(po.expectedDelivery) || "no date"}
                  </Text>
                  <Text block align="end" size={200}>
                    {po.total ? money(po.total, po.currency) : ""}
                  </Text>
                </TableCell>
              </TableRow>
              {po.number === chosen && (
                <TableRow>
                  <TableCell colSpan={3} className={mergeClasses(cell, styles.detailCell)}>
                    <OrderDetail key={`${po.number}:${po.revision}`} po={po} />
                  </TableCell>
                </TableRow>
              )}
            </Fragment>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

function OrderDetail({ po }: { po: PurchaseOrder }) {
  const { state, host, write } = usePane();
  const shared = useShared();
  const styles = useStyles();
  const { model, input } = state;
  const settings = model.settings;
  const readOnly = isReadOnly(po.status);
  const reading = orderFromBook(po);
  const flagged = new Map(flaggedLines(model, po).map((f) => [f.line, f.message]));
  const edit = (change: OrderEdit, what: string) =>
    write(editChange(host, editOrder({ model, input }, po.number, change, host.today()), settings, `Purchase order ${po.number}: ${what}`), what);
  const refuse = (reason: string) => void write({ ok: false, reason }, "");
  /** A typed date, or the refusal that says how to write one. */
  const withDate = (text: string, then: (day: number) => void) => {
    const parsed = parseDate(text);
    if (parsed === undefined) refuse(`"${text}" is not a date. ${DATE_HINT}`);
    else then(parsed);
  };
  // Opened below its row: brought into view, since the row may be near the pane's bottom.
  const box = useIntoView<HTMLDivElement>(true);

  const nextStatuses = PO_STATUSES.filter((s) => s !== po.status && moveRefusal(po.number, po.status, s) === undefined);
  const [status, setStatus] = useState<string>(nextStatuses[0] ?? "");
  const [delivery, setDelivery] = useState(date(po.expectedDelivery));
  const [supplier, setSupplier] = useState(po.supplier);
  const [warehouse, setWarehouse] = useState(po.warehouse);
  const [newSku, setNewSku] = useState("");
  const [newQty, setNewQty] = useState("");
  const newCurrency = model.suppliers.get(supplier)?.currency || settings.currency;

  const share = (how: "sheet" | ExportFormat) => {
    const shared = sharedOrder(model, po.number);
    if (typeof shared === "string") return void write({ ok: false, reason: shared }, "");
    if (how === "sheet")
      return void write(
        { ok: true, sheets: [poSheet(shared, input.date1904 ?? false)] },
        `The sheet ${poSheetName(po.number)} holds ${po.number}, ready to print or send.`,
        "Shared",
      );
    const output = how.render(shared, { now: new Date(), date1904: input.date1904 ?? false });
    if (output.kind === "refused") return void write({ ok: false, reason: output.reason }, "");
    const name = `${po.number}.${how.extension}`;
    if (output.kind === "workbook") {
      return void write({ ok: true, then: async () => (await host.createWorkbook(name, output.sheets), `${po.number} is in a new workbook of its own.`) }, "", "Shared");
    }
    host.download({ name, mime: output.mime, content: output.text });
    return void write({ ok: true }, `${name} is downloaded.`, "Exported");
  };

  return (
    <div ref={box} role="region" aria-label={`Purchase order ${po.number}`} data-testid="order-detail" className={mergeClasses(shared.stack, styles.detail)}>
      <Text as="h3" weight="semibold" size={300}>
        {po.number} · {model.suppliers.get(po.supplier)?.name || po.supplier} → {po.warehouse}
      </Text>
      <Text size={200}>
        {po.status ?? "unknown status"} · ordered {date(po.orderDate) || "—"} · expected {date(po.expectedDelivery) || "—"} · revision {po.revision}
        {po.total ? ` · total ${money(po.total, po.currency)}` : ""}
      </Text>
      <Text size={200} data-testid="sync-status">
        Sync: {po.syncStatus || (settings.integrationUrl ? "not sent" : "no integration")}
        {po.externalId ? ` · External ID ${po.externalId}` : ""}
        {po.lastSynced ? ` · last synced ${po.lastSynced}` : ""}
      </Text>
      {readOnly && (
        <Badge appearance="tint" color="informative">
          {po.status} orders are read-only{po.status === "Received" ? " (they can still be closed)" : ""}.
        </Badge>
      )}
      <ul aria-label={`Lines of ${po.number}`} className={shared.plainList}>
        {(reading.ok ? reading.order.lines : []).map((line) => {
          const source = po.lines.find((l) => (l.line ?? line.line) === line.line && l.sku === line.sku);
          const warning = source && flagged.get(source);
          return (
            <li key={line.line} className={shared.row}>
              <div className={styles.lineHead}>
                <Text weight="semibold">
                  {line.line} · {line.sku}
                </Text>
                {warning && (
                  <Badge appearance="tint" color="danger" title={warning} aria-label={warning}>
                    blocked
                  </Badge>
                )}
                <Text size={200}>
                  {qty(line.quantity)} × {price(line.unitPrice, po.currency)} = {money(line.lineTotal, po.currency)} · received {qty(line.receivedQty)}
                </Text>
              </div>
              <LineDate
                value={date(line.expectedDelivery)}
                orders={date(po.expectedDelivery)}
                disabled={readOnly}
                label={`Delivery of line ${line.line}`}
                onSave={(text) =>
                  text.trim() === ""
                    ? void edit({ lineDeliveries: [{ line: line.line, expectedDelivery: null }] }, `line ${line.line} is delivered with the order.`)
                    : withDate(text, (d) => void edit({ lineDeliveries: [{ line: line.line, expectedDelivery: d }] }, `line ${line.line}'s delivery is ${date(d)}.`))
                }
              />
            </li>
          );
        })}
      </ul>
      {!reading.ok && <Text>{reading.reason}</Text>}

      <div className={shared.row}>
        <Pick label="Status" value={status} onPick={setStatus} choices={nextStatuses.map((s) => ({ value: s, text: s }))} testId="order-status-pick" />
        <Button disabled={nextStatuses.length === 0} onClick={() => void edit({ status: status as PoStatus }, `status is ${status}.`)}>
          Change status
        </Button>
      </div>
      {!readOnly && (
        <>
          <div className={shared.row}>
            <Field label="Expected delivery">
              <DateInput value={delivery} onChange={(_, d) => setDelivery(d.value)} className={styles.short} />
            </Field>
            <Button onClick={() => withDate(delivery, (d) => void edit({ expectedDelivery: d }, `expected delivery is ${date(d)}.`))}>Save date</Button>
          </div>
          <div className={shared.row}>
            <Pick
              label="Supplier"
              value={supplier}
              onPick={setSupplier}
              choices={[...model.suppliers.values()].map((s) => ({ value: s.code, text: s.name ? `${s.name} (${s.code})` : s.code }))}
            />
            <Button disabled={supplier === po.supplier} onClick={() => void edit({ supplier }, `the supplier is ${supplier}; lines are priced from it.`)}>
              Change supplier
            </Button>
          </div>
          {supplier !== po.supplier && (
            <ul aria-label={`Prices from ${supplier}`} className={shared.plainList}>
              {po.lines.map((line) => {
                const terms = supplierTerms(model, line.sku, po.warehouse, supplier);
                return <li key={line.sku}>{typeof terms === "string" ? terms : `${line.sku}: ${qty(line.quantity)} × ${price(terms.unitPrice, newCurrency)}`}</li>;
              })}
            </ul>
          )}
          <div className={shared.row}>
            <Pick
              label="Warehouse"
              value={warehouse}
              onPick={setWarehouse}
              choices={[...new Set([...model.warehouses.keys(), ...model.items.map((i) => i.warehouse)])].map((w) => ({ value: w, text: w }))}
            />
            <Button disabled={warehouse === po.warehouse} onClick={() => void edit({ warehouse }, `it now ships to ${warehouse}.`)}>
              Move
            </Button>
          </div>
          <div className={shared.row}>
            <Field label="Add SKU">
              <Input value={newSku} onChange={(_, d) => setNewSku(d.value)} className={styles.short} />
            </Field>
            <Field label="Quantity">
              <Input value={newQty} inputMode="decimal" onChange={(_, d) => setNewQty(d.value)} className={styles.narrow} />
            </Field>
            <Button
              disabled={newSku.trim() === ""}
              onClick={() => {
                const quantity = Number(newQty.trim());
                if (newQty.trim() === "" || !Number.isFinite(quantity)) refuse(`"${newQty}" is not a quantity: give the number of units to order.`);
                else void edit({ addLines: [{ sku: newSku.trim(), quantity }] }, `added ${qty(quantity)} × ${newSku.trim()}.`);
              }}
            >
              Add line
            </Button>
          </div>
        </>
      )}
      <div role="group" aria-label="Share with the supplier" className={shared.row}>
        <Button onClick={() => share("sheet")}>PO sheet</Button>
        {EXPORT_FORMATS.map((format) => (
          <Button key={format.id} onClick={() => share(format)}>
            {format.label}
          </Button>
        ))}
        <Button appearance="primary" onClick={() => reading.ok && void write(sendChange(host, po.number, settings), "")} disabled={!reading.ok}>
          {po.syncStatus === "sent" ? "Resend" : "Send"}
        </Button>
      </div>
    </div>
  );
}

/** A line's own delivery date; blank goes back to the order's (shown in grey). */
function LineDate({ value, orders, disabled, label, onSave }: { value: string; orders: string; disabled: boolean; label: string; onSave: (text: string) => void }) {
  const styles = useStyles();
  const [text, setText] = useState(value);
  return (
    <Field label={label} size="small">
      <DateInput
        size="small"
        value={text}
        placeholder={orders || undefined}
        disabled={disabled}
        className={styles.short}
        onChange={(_, d) => setText(d.value)}
        onBlur={() => text !== value && onSave(text)}
        onKeyDown={(e) => e.key === "Enter" && text !== value && onSave(text)}
      />
    </Field>
  );
}
