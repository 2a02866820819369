import { Badge, Button, Combobox, Field, Option, Text } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { itemKey } from "../../core/catalog";
import type { ItemLocation } from "../../core/model";
import { describeStatus } from "../../core/statuses";
import type { ItemPlan } from "../../core/plan";
import { supplyPlanSheet } from "../../core/planSheet";
import { plural, qty } from "../format";
import { usePane } from "../pane";
import { useShared } from "../styles";
import { ForecastPanel } from "./ForecastPanel";
import { PlanChart } from "./PlanChart";
import { StalePlanBar } from "./StalePlan";
import { WeekTable } from "./WeekTable";

/** Matches listed while searching 5,000 item-locations. */
const MATCHES = 50;

const label = (item: ItemLocation) => `${item.sku} @ ${item.warehouse}${item.description ? ` — ${item.description}` : ""}`;

export function SupplyPlan() {
  const { state, item: chosen, open } = usePane();
  const shared = useShared();
  const onPick = (key: string) => open("plan", key);
  const { model, byKey } = state;
  const [urgent] = state.orderNow();
  const fallback = urgent ? itemKey(urgent.sku, urgent.warehouse) : model.items[0] && itemKey(model.items[0].sku, model.items[0].warehouse);
  const key = chosen && byKey.has(chosen) ? chosen : fallback;
  const plan = key === undefined ? undefined : byKey.get(key);
  return (
    <section aria-labelledby="plan-title" className={shared.stack}>
      <Text as="h2" id="plan-title" weight="semibold" size={400} block>
        Supply plan
      </Text>
      <StalePlanBar />
      <ItemPicker items={model.items} selected={plan?.item} onPick={onPick} />
      {plan ? <ItemView plan={plan} /> : <Text block>The SKUs sheet has no item-locations yet.</Text>}
      <WritePlanSheet />
    </section>
  );
}

function ItemPicker({ items, selected, onPick }: { items: ItemLocation[]; selected?: ItemLocation; onPick: (key: string) => void }) {
  const shared = useShared();
  const [query, setQuery] = useState(selected ? label(selected) : "");
  const [open, setOpen] = useState(false);
  // Another item chosen elsewhere (a Problems link, Home) replaces what was typed: adjusted while rendering, not in an effect.
  const [shownFor, setShownFor] = useState(selected);
  if (selected !== shownFor) {
    setShownFor(selected);
    setQuery(selected ? label(selected) : "");
  }
  const matches = useMemo(() => {
    // The picker showing the item chosen: no search over every item-location until the user types.
    if (selected && query === label(selected)) return [selected];
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
  }, [items, query, selected]);
  return (
    <Field label="Item-location (search SKU, warehouse or description)">
      <Combobox
        className={shared.wide}
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
  const shared = useShared();
  const { item } = plan;
  const status = item.status;
  return (
    <div className={shared.stack}>
      <div className={shared.row} data-testid="item-summary">
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
      <ForecastPanel item={item} settings={state.model.settings} />
      {/* Another item starts with its weeks closed; a new plan of the same item keeps them as they are. */}
      <WeekTable key={itemKey(item.sku, item.warehouse)} plan={plan} />
    </div>
  );
}

/** Rebuilds the Supply Plan sheet from every item-location, with progress for long plans. */
function WritePlanSheet() {
  const { state, write } = usePane();
  const run = () => {
    const sheet = supplyPlanSheet(state.plans, state.model.settings, state.input.date1904 ?? false);
    void write({ ok: true, sheets: [sheet] }, `The Supply Plan sheet has ${plural(sheet.rows.length - 1, "row")}.`, "Supply Plan written");
  };
  return (
    <div>
      <Button onClick={run}>Write Supply Plan sheet</Button>
    </div>
  );
}
