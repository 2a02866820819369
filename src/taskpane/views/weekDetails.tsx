import { makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import type { FunctionComponent } from "react";
import type { ItemPlan, PlanRow } from "../../core/plan";
import type { Settings } from "../../core/settings";
import { explain } from "../../core/why";
import { date, money, qty } from "../format";
import { WeekDemand } from "./WeekDemand";

/** What a section of a week line's details is given. */
export interface WeekSectionProps {
  plan: ItemPlan;
  row: PlanRow;
  settings: Settings;
}

/**
 * The parts of a week line's details, in the order they show. A section with an
 * `action` is shown on demand: the week's ⋯ menu and a link in the details name it,
 * and choosing it opens the details there, in view. Adding a section (the forecast's
 * details of the week, say) is a component and an entry here.
 */
export interface WeekSection {
  name: string;
  action?: string;
  View: FunctionComponent<WeekSectionProps>;
}

const useStyles = makeStyles({
  facts: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(9rem, 1fr))",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  fact: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  // Dates and money take a line of their own rather than wrap in half of one.
  wide: { gridColumn: "1 / -1" },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, textAlign: "right", fontVariantNumeric: "tabular-nums" },
});

const FLAG_TEXT: Record<string, string> = {
  "below-safety": "below safety stock",
  stockout: "stockout",
  "inside-lead-time": "inside the lead time (no new order can reach it)",
};

/** The week's other plan columns (PLANNING's output row), label and value. */
function WeekFacts({ row }: WeekSectionProps) {
  const styles = useStyles();
  // Label, value, whether it needs the whole width, test id.
  const facts: [string, string, boolean, string?][] = [
    ["Week", `${row.week} · ${date(row.weekStart)} to ${date(row.weekStart + 6)}`, true],
    ["Scheduled in", qty(row.scheduledReceipts), false],
    ["Planned in", qty(row.plannedReceipts), false],
    ["Safety stock", qty(row.safetyStock), false],
    ["Recommended", qty(row.recommended), false, "recommended"],
    ["Planner's qty", row.override === null ? "none" : qty(row.override), false],
    ["Order qty", qty(row.orderQty), false],
    ["Arrives", row.arrivalWeek === null ? "no order" : `week ${row.arrivalWeek}`, false],
    ["Order value", money(row.orderValue, row.currency), true],
  ];
  const flags = row.flags.map((f) => FLAG_TEXT[f] ?? (f.startsWith("not-recommended:") ? `not recommended (status ${f.slice(16)})` : f));
  return (
    <>
      <dl className={styles.facts}>
        {facts.map(([term, value, wide, testId]) => (
          <div key={term} className={mergeClasses(styles.fact, wide && styles.wide)}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value} data-testid={testId}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {flags.length > 0 && <Text size={200}>Flags: {flags.join(", ")}</Text>}
    </>
  );
}

/** Why the engine recommends what it does in this week (core/why.ts). */
function WhyWeek({ plan, row, settings }: WeekSectionProps) {
  return (
    <div role="region" aria-label={`Why week ${row.week}`} data-testid="why">
      <Text weight="semibold" block>
        Why week {row.week}
      </Text>
      {explain(plan, row.week, settings).map((line, i) => (
        <Text key={i} block>
          {line}
        </Text>
      ))}
    </div>
  );
}

export const WEEK_SECTIONS: readonly WeekSection[] = [
  { name: "facts", View: WeekFacts },
  { name: "demand", action: "Set this week's demand…", View: WeekDemand },
  { name: "why", action: "Why this quantity?", View: WhyWeek },
];
