import { Badge, Button, Field, Input, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { poCurrency } from "../../core/orders/amounts";
import { editOrder, type OrderEdit } from "../../core/orders/edit";
import { EXPORT_FORMATS, type ExportFormat } from "../../core/orders/exportFormats";
import { sendRefusal } from "../../core/orders/followUp";
import { bookLines, orderFromBook } from "../../core/orders/order";
import { PO_STATUSES, type PoStatus, type PurchaseOrder } from "../../core/orders/purchaseOrders";
import { flaggedLines, isReadOnly, moveRefusal, supplierTerms } from "../../core/orders/rules";
import { poSheet, poSheetName, sharedOrder } from "../../core/orders/share";
import { DATE_HINT, date, money, parseDate, price, qty } from "../format";
import { useIntoView } from "../inView";
import { editChange, receiveChange, sendChange, storedEndpoint } from "../orders";
import { usePane } from "../pane";
import { useShared } from "../styles";
import { DateInput } from "./DateInput";
import { Pick } from "./Pick";

/** The part of an order the ⋯ menu opens it at: brought into view. */
export type DetailPart = "edit" | "receive" | "share";

const useStyles = makeStyles({
  detail: { scrollMarginTop: tokens.spacingVerticalXXL },
  part: { scrollMarginTop: tokens.spacingVerticalXXL },
  lineHead: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS },
  short: { width: "8rem" },
  narrow: { width: "5rem" },
  reason: { color: tokens.colorNeutralForeground3 },
});

/** A quantity typed by the buyer: a number, or undefined. */
function quantityOf(text: string): number | undefined {
  const trimmed = text.trim();
  const value = Number(trimmed);
  return trimmed !== "" && Number.isFinite(value) ? value : undefined;
}

export function OrderDetail({ po, part }: { po: PurchaseOrder; part: DetailPart }) {
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
  // Opened below its row, at the part the buyer asked for: brought into view, since the row may be near the pane's bottom.
  const box = useIntoView<HTMLDivElement>(part === "edit");
  const receiveBox = useIntoView<HTMLDivElement>(part === "receive");
  const shareBox = useIntoView<HTMLDivElement>(part === "share");

  const nextStatuses = PO_STATUSES.filter((s) => s !== po.status && moveRefusal(po.number, po.status, s) === undefined);
  const [status, setStatus] = useState<string>(nextStatuses[0] ?? "");
  const [delivery, setDelivery] = useState(date(po.expectedDelivery));
  const [supplier, setSupplier] = useState(po.supplier);
  const [warehouse, setWarehouse] = useState(po.warehouse);
  const [newSku, setNewSku] = useState("");
  const [newQty, setNewQty] = useState("");
  const newCurrency = model.suppliers.get(supplier)?.currency || settings.currency;
  const notSent = sendRefusal(po, model, storedEndpoint(host.secrets));

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
        {reading.ok ? ` · total ${money(reading.order.total, poCurrency(po, model.suppliers, settings))}` : ""}
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
              <SavedOnLeave
                kind="quantity"
                value={qty(line.quantity)}
                disabled={readOnly}
                label={`Quantity of line ${line.line}`}
                onSave={(text) => {
                  const quantity = quantityOf(text);
                  if (quantity === undefined) refuse(`"${text}" is not a quantity: give the number of units to order.`);
                  else void edit({ lineQuantities: [{ line: line.line, quantity }] }, `line ${line.line} is now ${qty(quantity)} × ${line.sku}.`);
                }}
              />
              <SavedOnLeave
                kind="date"
                value={date(line.expectedDelivery)}
                placeholder={date(po.expectedDelivery) || undefined}
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

      {!readOnly && (
        <div ref={receiveBox} className={styles.part}>
          <Receive po={po} />
        </div>
      )}

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
                const quantity = quantityOf(newQty);
                if (quantity === undefined) refuse(`"${newQty}" is not a quantity: give the number of units to order.`);
                else void edit({ addLines: [{ sku: newSku.trim(), quantity }] }, `added ${qty(quantity)} × ${newSku.trim()}.`);
              }}
            >
              Add line
            </Button>
          </div>
        </>
      )}
      <div ref={shareBox} role="group" aria-label="Share with the supplier" className={mergeClasses(shared.row, styles.part)}>
        <Button onClick={() => share("sheet")}>PO sheet</Button>
        {EXPORT_FORMATS.map((format) => (
          <Button key={format.id} onClick={() => share(format)}>
            {format.label}
          </Button>
        ))}
        <Button
          appearance="primary"
          onClick={() => void write(sendChange(host, po.number, settings), "")}
          disabled={notSent !== undefined}
          aria-describedby={`${po.number}-not-sent`}
        >
          {po.syncStatus === "sent" ? "Resend" : "Send"}
        </Button>
      </div>
      {notSent && (
        <Text size={200} id={`${po.number}-not-sent`} className={styles.reason} data-testid="send-disabled">
          Send is off: {notSent}
        </Text>
      )}
    </div>
  );
}

/** "Receive": the quantities arrived per line, on one day, with the delivery note if there is one. */
function Receive({ po }: { po: PurchaseOrder }) {
  const { host, write } = usePane();
  const shared = useShared();
  const styles = useStyles();
  const lines = bookLines(po);
  const [quantities, setQuantities] = useState<Record<number, string>>({});
  const [day, setDay] = useState(date(host.today()));
  const [note, setNote] = useState("");
  const receive = () => {
    const typed = lines.filter((l) => (quantities[l.line] ?? "").trim() !== "");
    const bad = typed.find((l) => quantityOf(quantities[l.line]) === undefined);
    if (bad) return void write({ ok: false, reason: `"${quantities[bad.line]}" is not a quantity for line ${bad.line}: give the units received.` }, "");
    const when = parseDate(day);
    if (when === undefined) return void write({ ok: false, reason: `"${day}" is not a date. ${DATE_HINT}` }, "");
    const request = {
      poNumber: po.number,
      revision: po.revision,
      date: when,
      deliveryNote: note,
      lines: typed.map((l) => ({ line: l.line, quantity: quantityOf(quantities[l.line])! })),
    };
    void write(receiveChange(host, request), "");
  };
  return (
    <section aria-label={`Receive ${po.number}`} className={shared.stack}>
      <Text weight="semibold">Receive</Text>
      <div className={shared.row}>
        {lines.map((line) => {
          const due = Math.max(0, line.quantity - line.receivedQty);
          return (
            <Field key={line.line} label={`Line ${line.line} · ${line.sku}`} hint={`${qty(due)} still to come`}>
              <Input
                aria-label={`Received now, line ${line.line}`}
                inputMode="decimal"
                className={styles.narrow}
                placeholder={qty(due)}
                value={quantities[line.line] ?? ""}
                onChange={(_, d) => setQuantities((now) => ({ ...now, [line.line]: d.value }))}
              />
            </Field>
          );
        })}
      </div>
      <div className={shared.row}>
        <Field label="Received on">
          <DateInput value={day} onChange={(_, d) => setDay(d.value)} className={styles.short} />
        </Field>
        <Field label="Delivery note (optional)">
          <Input value={note} onChange={(_, d) => setNote(d.value)} className={styles.short} />
        </Field>
        <Button appearance="primary" onClick={receive}>
          Receive
        </Button>
      </div>
    </section>
  );
}

/** A line's field saved when the buyer leaves it or presses Enter: a date (blank goes back to the order's, shown in grey) or a quantity. */
function SavedOnLeave({
  kind,
  value,
  placeholder,
  disabled,
  label,
  onSave,
}: {
  kind: "date" | "quantity";
  value: string;
  placeholder?: string;
  disabled: boolean;
  label: string;
  onSave: (text: string) => void;
}) {
  const styles = useStyles();
  const [text, setText] = useState(value);
  const props = {
    size: "small" as const,
    value: text,
    placeholder,
    disabled,
    onChange: (_: unknown, d: { value: string }) => setText(d.value),
    onBlur: () => text !== value && onSave(text),
    onKeyDown: (e: { key: string }) => e.key === "Enter" && text !== value && onSave(text),
  };
  return (
    <Field label={label} size="small">
      {kind === "date" ? <DateInput {...props} className={styles.short} /> : <Input {...props} inputMode="decimal" className={styles.narrow} />}
    </Field>
  );
}
