import {
  Button,
  Checkbox,
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
import { useMemo, useState } from "react";
import { itemKey } from "../../core/catalog";
import { createOrders } from "../../core/orders/createOrders";
import { orderNowList, type OrderNowSort, totalsBySupplier } from "../../core/orders/orderNowList";
import type { OrderNowLine } from "../../core/plan";
import { usePainted } from "../firstPaint";
import { date, money, plural, price, qty } from "../format";
import { createOrdersChange } from "../orders";
import { usePane } from "../pane";
import { useShared } from "../styles";
import { NewOrderDialog } from "./NewOrder";
import { Pick } from "./Pick";
import { StalePlanBar, usePlanWeek } from "./StalePlan";

/** Rows shown before "Show all": a 5,000-SKU Order-now list must not slow the pane's first paint. */
const FIRST = 50;
/** Rows in the first paint (usePainted): below the filters and totals a 900 px tall pane shows 4 to 6. */
const FIRST_PAINT = 8;
const ALL = "";

const SORTS: { value: OrderNowSort; text: string; table: string }[] = [
  { value: "urgency", text: "Most urgent", table: "most urgent first" },
  { value: "value", text: "Largest value", table: "largest value first" },
  { value: "supplier", text: "Supplier", table: "by supplier" },
];

const useStyles = makeStyles({
  select: { width: "2rem" },
  order: { width: "42%" },
  menu: { width: "2rem" },
  end: { justifyContent: "flex-end" },
  sku: { fontWeight: tokens.fontWeightSemibold },
  checkbox: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  menuButton: { minWidth: 0, paddingLeft: 0, paddingRight: 0 },
  totals: { backgroundColor: tokens.colorNeutralBackground2, padding: tokens.spacingHorizontalS, borderRadius: tokens.borderRadiusMedium },
});

const codes = (lines: readonly OrderNowLine[], pick: (l: OrderNowLine) => string) => [...new Set(lines.map(pick))].sort();

export function Home() {
  const { state, host, write, open } = usePane();
  const shared = useShared();
  const styles = useStyles();
  const { stale, week1 } = usePlanWeek();
  const [all, setAll] = useState(false);
  const painted = usePainted();
  const [supplier, setSupplier] = useState(ALL);
  const [warehouse, setWarehouse] = useState(ALL);
  const [sort, setSort] = useState<OrderNowSort>("urgency");
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [ordering, setOrdering] = useState<OrderNowLine | undefined>();
  const lines = state.orderNow();
  const list = useMemo(() => orderNowList(lines, { supplier, warehouse }, sort), [lines, supplier, warehouse, sort]);
  const shown = all ? list : list.slice(0, painted ? FIRST : FIRST_PAINT);
  // What "Create orders" takes: the lines ticked (among those the filters show), else every line shown by the filters.
  const ticked = useMemo(() => (selected.size === 0 ? [] : list.filter((l) => selected.has(itemKey(l.sku, l.warehouse)))), [list, selected]);
  const chosen = ticked.length > 0 ? ticked : list;
  // Over thousands of lines: made again when the lines chosen change, not on every render (the first 50 lines' transition, a menu opened).
  const totals = useMemo(() => totalsBySupplier(chosen), [chosen]);
  const problems = state.model.problems.length;
  const cell = mergeClasses(shared.cell, shared.top);
  const suppliers = useMemo(() => codes(lines, (l) => l.supplier), [lines]);
  const warehouses = useMemo(() => codes(lines, (l) => l.warehouse), [lines]);
  const toggle = (key: string, on: boolean) => setSelected((now) => new Set([...now].filter((k) => k !== key).concat(on ? [key] : [])));
  const allTicked = ticked.length > 0 && ticked.length === list.length;

  const create = async () => {
    const only = new Set(chosen.map((l) => itemKey(l.sku, l.warehouse)));
    const result = createOrders({ model: state.model, input: state.input }, lines, { only }, host.today());
    if (await write(createOrdersChange(host, result, state.model.settings), "", "Orders created")) setSelected(new Set());
  };

  return (
    <section aria-labelledby="home-title" className={shared.stack}>
      <Text as="h2" id="home-title" weight="semibold" size={400} block>
        Order now
      </Text>
      <StalePlanBar />
      <Text block>
        {plural(lines.length, "line")} to order {week1}
        {stale ? ", which is over" : ""}.{" "}
        {problems > 0 ? (
          <Link onClick={() => open("problems")} data-testid="problem-count">
            {plural(problems, "problem")} in the workbook
          </Link>
        ) : (
          <span data-testid="problem-count">No problems in the workbook.</span>
        )}
      </Text>
      {lines.length > 0 && (
        <>
          <div className={shared.row} role="group" aria-label="Order-now filters">
            <Pick
              label="Supplier"
              value={supplier}
              onPick={setSupplier}
              choices={[{ value: ALL, text: "All suppliers" }, ...suppliers.map((c) => ({ value: c, text: c || "(none)" }))]}
            />
            <Pick label="Warehouse" value={warehouse} onPick={setWarehouse} choices={[{ value: ALL, text: "All warehouses" }, ...warehouses.map((c) => ({ value: c, text: c }))]} />
            <Pick label="Sort by" value={sort} onPick={(v) => setSort(v as OrderNowSort)} choices={SORTS} />
          </div>
          <div className={mergeClasses(shared.stack, styles.totals)} role="region" aria-label="Totals per supplier">
            <Text size={200} weight="semibold">
              {ticked.length > 0 ? `${plural(ticked.length, "line")} selected` : `${plural(list.length, "line")} shown`}: one order per supplier and warehouse
            </Text>
            <ul className={shared.plainList} data-testid="supplier-totals">
              {totals.map((t) => (
                <li key={`${t.supplier}:${t.currency}`}>
                  <Text size={200}>
                    {t.supplier || "No supplier"} · {plural(t.lines, "line")} · {money(t.total, t.currency)}
                  </Text>
                </li>
              ))}
            </ul>
            <div className={shared.row}>
              <Button appearance="primary" disabled={chosen.length === 0} onClick={() => void create()}>
                Create orders for {plural(chosen.length, "line")}
              </Button>
              {ticked.length > 0 && <Button onClick={() => setSelected(new Set())}>Clear selection</Button>}
            </div>
          </div>
        </>
      )}
      {list.length > 0 && (
        <Table size="small" aria-label={`Order now, ${SORTS.find((s) => s.value === sort)!.table}`} className={shared.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={mergeClasses(cell, styles.select)}>
                <Checkbox
                  className={styles.checkbox}
                  aria-label="Select every line shown"
                  checked={allTicked ? true : ticked.length > 0 ? "mixed" : false}
                  onChange={(_, d) => setSelected(d.checked === true ? new Set(list.map((l) => itemKey(l.sku, l.warehouse))) : new Set())}
                />
              </TableHeaderCell>
              <TableHeaderCell className={cell}>Item · when short</TableHeaderCell>
              <TableHeaderCell className={mergeClasses(cell, styles.order)} button={{ className: styles.end }}>
                Order · arrives
              </TableHeaderCell>
              <TableHeaderCell className={mergeClasses(cell, styles.menu)}>
                <span className={shared.hidden}>Actions</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((line) => {
              const key = itemKey(line.sku, line.warehouse);
              const label = `${line.sku} at ${line.warehouse}`;
              return (
                <TableRow key={key} data-testid={`order-now-${line.sku}-${line.warehouse}`} aria-selected={selected.has(key)}>
                  <TableCell className={cell}>
                    <Checkbox className={styles.checkbox} aria-label={`Select ${label}`} checked={selected.has(key)} onChange={(_, d) => toggle(key, d.checked === true)} />
                  </TableCell>
                  <TableCell className={cell}>
                    <Link className={styles.sku} onClick={() => open("plan", key)} aria-label={`Open the plan of ${label}`}>
                      {line.sku}
                    </Link>
                    <Text block size={200}>
                      {line.warehouse} · {line.supplier || "no supplier"}
                    </Text>
                    {/* Red when the order comes too late to prevent it: the item is short before it arrives. */}
                    <Text block size={200} className={line.shortWeek !== null && line.shortWeek < line.arrivalWeek ? shared.short : undefined}>
                      {line.shortDate === null ? "Not short" : `Short from ${date(line.shortDate)}`}
                    </Text>
                  </TableCell>
                  <TableCell className={mergeClasses(cell, shared.number)}>
                    <Text block align="end" weight="semibold">
                      {money(line.value, line.currency)}
                    </Text>
                    <Text block align="end" size={200}>
                      {qty(line.quantity)} × {price(line.unitPrice, line.currency)}
                    </Text>
                    <Text block align="end" size={200}>
                      Arrives {date(line.arrivalDate)}
                    </Text>
                  </TableCell>
                  <TableCell className={cell}>
                    <Menu>
                      <MenuTrigger disableButtonEnhancement>
                        <Button size="small" appearance="subtle" className={styles.menuButton} aria-label={`Actions for ${label}`}>
                          ⋯
                        </Button>
                      </MenuTrigger>
                      <MenuPopover>
                        <MenuList>
                          <MenuItem onClick={() => setOrdering(line)}>New order…</MenuItem>
                          <MenuItem onClick={() => open("plan", key)}>Open the plan</MenuItem>
                        </MenuList>
                      </MenuPopover>
                    </Menu>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {lines.length > 0 && list.length === 0 && <Text block>No line to order for these filters.</Text>}
      {!all && list.length > FIRST && <Button onClick={() => setAll(true)}>Show all {plural(list.length, "line")}</Button>}
      {ordering && state.byKey.get(itemKey(ordering.sku, ordering.warehouse)) && (
        <NewOrderDialog plan={state.byKey.get(itemKey(ordering.sku, ordering.warehouse))!} week={1} onClose={() => setOrdering(undefined)} />
      )}
    </section>
  );
}
