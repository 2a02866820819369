import { Button, Link, makeStyles, mergeClasses, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { itemKey } from "../../core/catalog";
import { date, money, plural, price, qty } from "../format";
import { usePane } from "../pane";
import { useShared } from "../styles";
import { StalePlanBar, usePlanWeek } from "./StalePlan";

/** Rows shown before "Show all": a 5,000-SKU Order-now list must not slow the pane's first paint. */
const FIRST = 50;

const useStyles = makeStyles({
  order: { width: "48%" },
  end: { justifyContent: "flex-end" },
  sku: { fontWeight: tokens.fontWeightSemibold },
});

export function Home() {
  const { state, open } = usePane();
  const shared = useShared();
  const styles = useStyles();
  const { stale, week1 } = usePlanWeek();
  const [all, setAll] = useState(false);
  const lines = state.orderNow();
  const shown = all ? lines : lines.slice(0, FIRST);
  const problems = state.model.problems.length;
  const cell = mergeClasses(shared.cell, shared.top);
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
        <Table size="small" aria-label="Order now, most urgent first" className={shared.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={cell}>Item · when short</TableHeaderCell>
              <TableHeaderCell className={mergeClasses(cell, styles.order)} button={{ className: styles.end }}>
                Order · arrives
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((line) => (
              <TableRow key={itemKey(line.sku, line.warehouse)} data-testid={`order-now-${line.sku}-${line.warehouse}`}>
                <TableCell className={cell}>
                  <Link className={styles.sku} onClick={() => open("plan", itemKey(line.sku, line.warehouse))} aria-label={`Open the plan of ${line.sku} at ${line.warehouse}`}>
                    {line.sku}
                  </Link>
                  <Text block size={200}>
                    {line.warehouse} · {line.supplier}
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
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {!all && lines.length > FIRST && <Button onClick={() => setAll(true)}>Show all {plural(lines.length, "line")}</Button>}
    </section>
  );
}
