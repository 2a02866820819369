import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Link,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  mergeClasses,
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
import { poAmount, poCurrency } from "../../core/orders/amounts";
import { editOrder } from "../../core/orders/edit";
import { followUpList, isOverdue, type OrderAction, orderActions, type OrderSort, type StatusFilter, totalsPerCurrency } from "../../core/orders/followUp";
import { PO_STATUSES, type PurchaseOrder } from "../../core/orders/purchaseOrders";
import { date, money, plural, sentence } from "../format";
import { editChange, sendChange, storedEndpoint } from "../orders";
import { usePane } from "../pane";
import { useShared } from "../styles";
import { type DetailPart, OrderDetail } from "./OrderDetail";
import { Pick } from "./Pick";

const useStyles = makeStyles({
  statusCol: { width: "24%" },
  totalCol: { width: "30%" },
  menuCol: { width: "2rem" },
  end: { justifyContent: "flex-end" },
  detailCell: { backgroundColor: tokens.colorNeutralBackground2, paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalM },
  menuButton: { minWidth: 0, paddingLeft: 0, paddingRight: 0 },
  search: { flexGrow: 1, flexBasis: "10rem", minWidth: 0 },
  reason: { display: "block", color: tokens.colorNeutralForeground3, whiteSpace: "normal", maxWidth: "16rem" },
  totals: { backgroundColor: tokens.colorNeutralBackground2, padding: tokens.spacingHorizontalS, borderRadius: tokens.borderRadiusMedium },
});

const ALL = "";

const SORTS: { value: OrderSort; text: string }[] = [
  { value: "overdue", text: "Overdue first" },
  { value: "delivery", text: "Delivery date" },
  { value: "number", text: "PO number" },
];

/** The ⋯ menu's items, in order: what each says and which part of the order it opens (Send and Cancel act at once). */
const ACTIONS: { action: OrderAction; label: string; part?: DetailPart }[] = [
  { action: "edit", label: "Edit…", part: "edit" },
  { action: "receive", label: "Receive…", part: "receive" },
  { action: "share", label: "Share…", part: "share" },
  { action: "send", label: "Send" },
  { action: "cancel", label: "Cancel order…" },
];

export function Logistics() {
  const { state, host, write } = usePane();
  const shared = useShared();
  const styles = useStyles();
  const { model, input } = state;
  const { orderBook, suppliers, warehouses } = model;
  const [supplier, setSupplier] = useState(ALL);
  const [warehouse, setWarehouse] = useState(ALL);
  const [status, setStatus] = useState<StatusFilter>("open");
  const [search, setSearch] = useState("");
  const [sort, setSort] = useState<OrderSort>("overdue");
  const [chosen, setChosen] = useState<{ number: string; part: DetailPart } | undefined>();
  const [cancelling, setCancelling] = useState<PurchaseOrder | undefined>();
  const today = host.today();
  const orders = useMemo(() => followUpList(orderBook.orders, { supplier, warehouse, status, search }, sort, today), [orderBook, supplier, warehouse, status, search, sort, today]);
  const warehouseCodes = useMemo(() => [...new Set([...warehouses.keys(), ...orderBook.orders.map((po) => po.warehouse)])].sort(), [warehouses, orderBook]);
  if (!orderBook.hasSheets) {
    return <Text block>The workbook has no Purchase Orders and PO Lines sheets yet: use "Create Planster sheets" in Settings.</Text>;
  }
  const stored = storedEndpoint(host.secrets);
  const overdue = orders.filter((po) => isOverdue(po, today)).length;
  const cell = mergeClasses(shared.cell, shared.top);
  const choose = (number: string, part: DetailPart) => setChosen(chosen?.number === number && chosen.part === part ? undefined : { number, part });
  const act = (po: PurchaseOrder, action: OrderAction, part?: DetailPart) => {
    if (part) return choose(po.number, part);
    if (action === "send") return void write(sendChange(host, po.number, model.settings), "");
    setCancelling(po);
  };
  const cancel = (po: PurchaseOrder) => {
    setCancelling(undefined);
    void write(editChange(host, editOrder({ model, input }, po.number, { status: "Cancelled" }, today), model.settings, `Purchase order ${po.number} is cancelled.`), "");
  };
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
          onPick={(v) => setStatus(v as StatusFilter)}
          testId="status-filter"
          choices={[{ value: "open", text: "Open orders" }, { value: "all", text: "All orders" }, ...PO_STATUSES.map((s) => ({ value: s, text: s }))]}
        />
        <Field label="Search PO or SKU" className={styles.search}>
          <Input type="search" value={search} onChange={(_, d) => setSearch(d.value)} autoComplete="off" className={shared.wide} />
        </Field>
        <Pick label="Sort by" value={sort} onPick={(v) => setSort(v as OrderSort)} choices={SORTS} />
      </div>
      <div className={mergeClasses(shared.stack, styles.totals)} role="region" aria-label="Totals of the orders shown">
        <Text size={200} weight="semibold" data-testid="order-count">
          {plural(orders.length, "order")}
          {overdue > 0 ? `, ${overdue} overdue` : ""}
        </Text>
        <ul className={shared.plainList} data-testid="currency-totals">
          {totalsPerCurrency(orders, model).map((t) => (
            <li key={t.currency}>
              <Text size={200}>
                {money(t.total, t.currency)} in {plural(t.orders, "order")}
              </Text>
            </li>
          ))}
        </ul>
      </div>
      <Table size="small" aria-label="Purchase orders" data-testid="orders" className={shared.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={cell}>PO</TableHeaderCell>
            <TableHeaderCell className={mergeClasses(cell, styles.statusCol)}>Status</TableHeaderCell>
            <TableHeaderCell className={mergeClasses(cell, styles.totalCol)} button={{ className: styles.end }}>
              Delivery · total
            </TableHeaderCell>
            <TableHeaderCell className={mergeClasses(cell, styles.menuCol)}>
              <span className={shared.hidden}>Actions</span>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {orders.map((po) => {
            const open = chosen?.number === po.number;
            const late = isOverdue(po, today);
            return (
              <Fragment key={po.number}>
                <TableRow data-testid={`order-${po.number}`} aria-selected={open}>
                  <TableCell className={cell}>
                    <Link onClick={() => choose(po.number, "edit")} aria-label={`Open purchase order ${po.number}`} aria-expanded={open}>
                      {po.number}
                    </Link>
                    <Text block size={200}>
                      {po.supplier} → {po.warehouse}
                    </Text>
                    {late && (
                      <Badge appearance="filled" color="danger" size="small" data-testid="overdue">
                        overdue
                      </Badge>
                    )}
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
                    <Text block align="end" size={200} className={late ? shared.short : undefined}>
                      {date(po.expectedDelivery) || "no date"}
                    </Text>
                    <Text block align="end" size={200}>
                      {money(poAmount(po), poCurrency(po, suppliers, model.settings))}
                    </Text>
                  </TableCell>
                  <TableCell className={cell}>
                    <Menu>
                      <MenuTrigger disableButtonEnhancement>
                        <Button size="small" appearance="subtle" className={styles.menuButton} aria-label={`Actions for ${po.number}`}>
                          ⋯
                        </Button>
                      </MenuTrigger>
                      <MenuPopover>
                        <MenuList>
                          {orderActions(po, model, stored).map(({ action, enabled, reason }) => {
                            const item = ACTIONS.find((a) => a.action === action)!;
                            return (
                              <MenuItem key={action} disabled={!enabled} onClick={() => act(po, action, item.part)}>
                                {item.label}
                                {reason && (
                                  <Text size={200} className={styles.reason}>
                                    {sentence(reason)}
                                  </Text>
                                )}
                              </MenuItem>
                            );
                          })}
                        </MenuList>
                      </MenuPopover>
                    </Menu>
                  </TableCell>
                </TableRow>
                {open && (
                  <TableRow>
                    <TableCell colSpan={4} className={mergeClasses(cell, styles.detailCell)}>
                      <OrderDetail key={`${po.number}:${po.revision}`} po={po} part={chosen.part} />
                    </TableCell>
                  </TableRow>
                )}
              </Fragment>
            );
          })}
        </TableBody>
      </Table>
      {cancelling && (
        <Dialog open onOpenChange={(_, d) => !d.open && setCancelling(undefined)}>
          <DialogSurface aria-describedby={undefined}>
            <DialogBody>
              <DialogTitle>Cancel {cancelling.number}?</DialogTitle>
              <Text>
                {cancelling.number} for {cancelling.supplier} becomes Cancelled and read-only; the plan no longer counts it as inbound supply.
              </Text>
              <DialogActions>
                <Button appearance="primary" onClick={() => cancel(cancelling)}>
                  Cancel the order
                </Button>
                <Button onClick={() => setCancelling(undefined)}>Keep it</Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </section>
  );
}
