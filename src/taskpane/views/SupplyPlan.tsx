import {
  Badge,
  Button,
  Combobox,
  Field,
  Input,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { itemKey } from "../../core/catalog";
import type { ItemLocation } from "../../core/model";
import { describeStatus } from "../../core/statuses";
import { type ItemPlan, planRow, type PlanRow } from "../../core/plan";
import { supplyPlanSheet } from "../../core/planSheet";
import { day, qty } from "../format";
import { overrideEdit } from "../../core/overrideEdits";
import { usePane } from "../pane";
import { explain } from "../../core/why";
import { NewOrderDialog } from "./NewOrder";
import { PlanChart } from "./PlanChart";

/** Matches listed while searching 5,000 item-locations. */
const MATCHES = 50;

const label = (item: ItemLocation) => `${item.sku} @ ${item.warehouse}${item.description ? ` — ${item.description}` : ""}`;

export function SupplyPlan() {
  const { state, item: chosen, open } = usePane();
  const onPick = (key: string) => open("plan", key);
  const { model, byKey } = state;
  const [urgent] = state.orderNow();
  const fallback = urgent ? itemKey(urgent.sku, urgent.warehouse) : model.items[0] && itemKey(model.items[0].sku, model.items[0].warehouse);
  const key = chosen && byKey.has(chosen) ? chosen : fallback;
  const plan = key === undefined ? undefined : byKey.get(key);
  return (
    <section aria-labelledby="plan-title">
      <Text as="h2" id="plan-title" weight="semibold" size={400} block>
        Supply plan
      </Text>
      <ItemPicker items={model.items} selected={plan?.item} onPick={onPick} />
      {plan ? <ItemView plan={plan} /> : <Text block>The SKUs sheet has no item-locations yet.</Text>}
      <WritePlanSheet />
    </section>
  );
}

function ItemPicker({ items, selected, onPick }: { items: ItemLocation[]; selected?: ItemLocation; onPick: (key: string) => void }) {
  const [query, setQuery] = useState(selected ? label(selected) : "");
  const [open, setOpen] = useState(false);
  // Another item chosen elsewhere (a Problems link, Home) replaces what was typed: adjusted while rendering, not in an effect.
  const [shownFor, setShownFor] = useState(selected);
  if (selected !== shownFor) {
    setShownFor(selected);
    setQuery(selected ? label(selected) : "");
  }
  const matches = useMemo(() => {
    const words = query
      .toLowerCase()
      .split(/\s+/)
      .filter((w) => w && w !== "@" && w !== "—");
    const found: ItemLocation[] = [];
    for (const item of items) {
      const text = label(item).toLowerCase();
      if (words.every((w) => text.includes(w))) found.push(item);
      if (found.length === MATCHES) break;
    }
    return found;
  }, [items, query]);
  return (
    <Field label="Item-location (search SKU, warehouse or description)">
      <Combobox
        freeform
        value={query}
        selectedOptions={selected ? [itemKey(selected.sku, selected.warehouse)] : []}
        open={open}
        onOpenChange={(_, data) => setOpen(data.open)}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onOptionSelect={(_, data) => data.optionValue && onPick(data.optionValue)}
        data-testid="item-picker"
      >
        {matches.map((item) => (
          <Option key={itemKey(item.sku, item.warehouse)} value={itemKey(item.sku, item.warehouse)} text={label(item)}>
            {label(item)}
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}

function ItemView({ plan }: { plan: ItemPlan }) {
  const { state } = usePane();
  const { item } = plan;
  const settings = state.model.settings;
  const rows = useMemo(() => Array.from({ length: settings.horizonWeeks }, (_, i) => planRow(plan, i + 1, settings)), [plan, settings]);
  const [why, setWhy] = useState<number | undefined>();
  const [ordering, setOrdering] = useState<number | undefined>();
  const status = item.status;
  return (
    <div>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 8, margin: "8px 0" }} data-testid="item-summary">
        <Badge appearance="tint" color={status.orderable ? (status.recommended ? "success" : "warning") : "danger"}>
          Status {describeStatus(status)}
        </Badge>
        <Text size={200}>On hand {qty(item.onHand)}</Text>
        <Text size={200}>Supplier {item.supplier ?? "none"}</Text>
        <Text size={200}>Lead time {qty(item.leadDays)} days</Text>
        <Text size={200}>MOQ {qty(item.moq)}</Text>
        <Text size={200}>Multiple {qty(item.multiple)}</Text>
        <Text size={200}>Safety stock {qty(item.safetyStock)}</Text>
      </div>
      <PlanChart plan={plan} />
      <Table size="small" aria-label={`Week lines of ${item.sku} at ${item.warehouse}`} data-testid="week-lines">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Week</TableHeaderCell>
            <TableHeaderCell>Demand</TableHeaderCell>
            <TableHeaderCell>Inbound</TableHeaderCell>
            <TableHeaderCell>Projected</TableHeaderCell>
            <TableHeaderCell>Safety</TableHeaderCell>
            <TableHeaderCell>Recommended</TableHeaderCell>
            <TableHeaderCell>Planner's qty</TableHeaderCell>
            <TableHeaderCell>
              <span className="visually-hidden">Actions</span>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <WeekLine key={row.week} row={row} onWhy={() => setWhy(row.week)} onOrder={() => setOrdering(row.week)} />
          ))}
        </TableBody>
      </Table>
      {why !== undefined && (
        <div role="region" aria-label={`Why week ${why}`} data-testid="why" style={{ marginTop: 8 }}>
          <Text weight="semibold" block>
            Why week {why}
          </Text>
          {explain(plan, why, settings).map((line, i) => (
            <Text key={i} block>
              {line}
            </Text>
          ))}
        </div>
      )}
      {ordering !== undefined && <NewOrderDialog plan={plan} week={ordering} onClose={() => setOrdering(undefined)} />}
    </div>
  );
}

function WeekLine({ row, onWhy, onOrder }: { row: PlanRow; onWhy: () => void; onOrder: () => void }) {
  const short = row.flags.includes("stockout") || row.flags.includes("below-safety");
  return (
    <TableRow data-testid={`week-${row.week}`}>
      <TableCell>
        {row.week} · {day(row.weekStart)}
      </TableCell>
      <TableCell>{qty(row.demand)}</TableCell>
      <TableCell>{qty(row.scheduledReceipts + row.plannedReceipts)}</TableCell>
      <TableCell
        data-testid="projected"
        style={short ? { color: "#a4262c", fontWeight: 600 } : undefined}
        aria-label={short ? `${qty(row.projectedOnHand)}, below safety stock` : undefined}
      >
        {qty(row.projectedOnHand)}
      </TableCell>
      <TableCell>{qty(row.safetyStock)}</TableCell>
      <TableCell data-testid="recommended">{qty(row.recommended)}</TableCell>
      <TableCell>
        <OverrideInput row={row} />
      </TableCell>
      <TableCell>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button size="small" appearance="subtle" aria-label={`Actions for week ${row.week}`}>
              ⋯
            </Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem onClick={onOrder}>New order…</MenuItem>
              <MenuItem onClick={onWhy}>Why this quantity?</MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      </TableCell>
    </TableRow>
  );
}

/** The planner's quantity of a week: Enter or leaving the box saves it, blank follows the recommendation. */
function OverrideInput({ row }: { row: PlanRow }) {
  const { state, write } = usePane();
  const shown = row.override === null ? "" : String(row.override);
  const [text, setText] = useState(shown);
  // A new plan (the planner's save, a co-author's edit) shows its value in place of what was typed.
  const [textFor, setTextFor] = useState(shown);
  if (shown !== textFor) {
    setTextFor(shown);
    setText(shown);
  }
  const commit = async () => {
    const trimmed = text.trim();
    if (trimmed === shown) return;
    const quantity = trimmed === "" ? null : Number(trimmed);
    const saved = await write(
      overrideEdit(state.input, state.model, row.sku, row.warehouse, row.week, quantity),
      quantity === null ? `Week ${row.week} follows the recommendation again.` : `Week ${row.week}: the planner's quantity is ${qty(quantity)}; the plan is updated.`,
      "Saved in Order Overrides",
    );
    if (!saved) setText(shown);
  };
  return (
    <Input
      size="small"
      inputMode="decimal"
      value={text}
      placeholder={qty(row.recommended)}
      onChange={(_, d) => setText(d.value)}
      onBlur={() => void commit()}
      onKeyDown={(e) => e.key === "Enter" && void commit()}
      aria-label={`Planner's quantity, week ${row.week}`}
      style={{ width: 80 }}
    />
  );
}

/** Rebuilds the Supply Plan sheet from every item-location, with progress for long plans. */
function WritePlanSheet() {
  const { state, write } = usePane();
  const run = () => {
    const sheet = supplyPlanSheet(state.plans, state.model.settings, state.input.date1904 ?? false);
    void write({ ok: true, sheets: [sheet] }, `The Supply Plan sheet has ${(sheet.rows.length - 1).toLocaleString("en-US")} rows.`, "Supply Plan written");
  };
  return (
    <Button style={{ marginTop: 8 }} onClick={run}>
      Write Supply Plan sheet
    </Button>
  );
}
