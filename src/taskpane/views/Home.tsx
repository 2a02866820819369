import { Button, Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import { useState } from "react";
import { itemKey } from "../../core/catalog";
import { day, money, plural, qty } from "../format";
import { usePane } from "../pane";

/** Rows shown before "Show all": a 5,000-SKU Order-now list must not slow the pane's first paint. */
const FIRST = 50;

export function Home() {
  const { state, open } = usePane();
  const [all, setAll] = useState(false);
  const lines = state.orderNow();
  const shown = all ? lines : lines.slice(0, FIRST);
  const problems = state.model.problems.length;
  return (
    <section aria-labelledby="home-title">
      <Text as="h2" id="home-title" weight="semibold" size={400} block>
        Order now
      </Text>
      <Text block>
        {plural(lines.length, "line")} to order this week.{" "}
        {problems > 0 ? (
          <Link onClick={() => open("problems")} data-testid="problem-count">
            {plural(problems, "problem")} in the workbook
          </Link>
        ) : (
          <span data-testid="problem-count">No problems in the workbook.</span>
        )}
      </Text>
      {lines.length > 0 && (
        <Table size="small" aria-label="Order now, most urgent first">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Item</TableHeaderCell>
              <TableHeaderCell>Order</TableHeaderCell>
              <TableHeaderCell>When</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((line) => (
              <TableRow key={itemKey(line.sku, line.warehouse)} data-testid={`order-now-${line.sku}-${line.warehouse}`}>
                <TableCell>
                  <Link onClick={() => open("plan", itemKey(line.sku, line.warehouse))} aria-label={`Open the plan of ${line.sku} at ${line.warehouse}`}>
                    {line.sku}
                  </Link>
                  <Text block size={200}>
                    {line.warehouse} · {line.supplier}
                  </Text>
                </TableCell>
                <TableCell>
                  <Text block>
                    {qty(line.quantity)} × {line.unitPrice.toFixed(2)}
                  </Text>
                  <Text block size={200}>
                    {money(line.value, line.currency)}
                  </Text>
                </TableCell>
                <TableCell>
                  <Text block size={200}>
                    Arrives {day(line.arrivalDate)}
                  </Text>
                  <Text block size={200}>
                    {line.shortDate === null ? "Not short" : `Short from ${day(line.shortDate)}`}
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
