import {
  Button,
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
import { Fragment, type ReactNode, useMemo, useState } from "react";
import type { ItemLocation } from "../../core/model";
import { quantityWarning } from "../../core/orderQuantity";
import { overrideEdit } from "../../core/overrideEdits";
import { type ItemPlan, planRow, type PlanRow } from "../../core/plan";
import { usePainted } from "../firstPaint";
import { date, qty, shortDate } from "../format";
import { useIntoView } from "../inView";
import { usePane } from "../pane";
import { useShared } from "../styles";
import { useQuantityBox } from "../quantityBox";
import { NewOrderDialog } from "./NewOrder";
import { WEEK_SECTIONS } from "./weekDetails";

/** Week, demand, projected, order qty, actions: what fits one line at 320 px. */
const COLUMNS = 5;
/** Week lines in the first paint (usePainted): below the item's charts a 900 px tall pane shows about 5. */
const FIRST_PAINT = 8;

const useStyles = makeStyles({
  // Sticky to the pane's scroll box, so that the columns stay named down 26 weeks or more.
  head: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: `inset 0 -${tokens.strokeWidthThin} 0 ${tokens.colorNeutralStroke1}`,
  },
  // Caption-sized headers: "Projected" fits its column at 320 px.
  headText: { fontSize: tokens.fontSizeBase200 },
  headEnd: { justifyContent: "flex-end" },
  weekCol: { width: "4.5rem" },
  orderCol: { width: "4.5rem" },
  actionCol: { width: "2rem" },
  line: { whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis", verticalAlign: "middle" },
  expander: {
    minWidth: 0,
    paddingLeft: 0,
    paddingRight: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightRegular,
    justifyContent: "flex-start",
    whiteSpace: "nowrap",
  },
  chevron: { display: "inline-block", width: "0.9rem", color: tokens.colorNeutralForeground3 },
  input: { width: "100%", minWidth: 0 },
  planner: { fontWeight: tokens.fontWeightSemibold },
  warned: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteDarkOrangeBorder2}` },
  menuButton: { minWidth: 0, paddingLeft: 0, paddingRight: 0 },
  details: { backgroundColor: tokens.colorNeutralBackground2 },
  section: { scrollMarginTop: "2.5rem", scrollMarginBottom: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  links: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, paddingBottom: tokens.spacingVerticalXS },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/** The sections asked for beyond those always shown, per week whose details are open. */
type Opened = ReadonlyMap<number, ReadonlySet<string>>;

/** The week lines of one item-location, each expandable into its details; the ⋯ menu orders or explains. */
export function WeekTable({ plan }: { plan: ItemPlan }) {
  const { state } = usePane();
  const shared = useShared();
  const styles = useStyles();
  const { item } = plan;
  const settings = state.model.settings;
  const painted = usePainted();
  const allRows = useMemo(() => Array.from({ length: settings.horizonWeeks }, (_, i) => planRow(plan, i + 1, settings)), [plan, settings]);
  const rows = painted ? allRows : allRows.slice(0, FIRST_PAINT);
  const [opened, setOpened] = useState<Opened>(new Map());
  // The section just asked for: brought into view once it is drawn.
  const [asked, setAsked] = useState<{ week: number; section: string } | undefined>();
  const [ordering, setOrdering] = useState<number | undefined>();
  const toggle = (week: number) =>
    setOpened((now) => {
      const next = new Map(now);
      if (!next.delete(week)) next.set(week, new Set());
      return next;
    });
  const show = (week: number, section: string) => {
    setOpened((now) => new Map(now).set(week, new Set([...(now.get(week) ?? []), section])));
    setAsked({ week, section });
  };
  const cell = mergeClasses(shared.cell, styles.line);
  const head = mergeClasses(cell, styles.head, styles.headText);
  const end = { className: styles.headEnd };
  return (
    <>
      <Table size="small" aria-label={`Week lines of ${item.sku} at ${item.warehouse}`} data-testid="week-lines" className={shared.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={mergeClasses(head, styles.weekCol)}>Week</TableHeaderCell>
            <TableHeaderCell className={head} button={end}>
              Demand
            </TableHeaderCell>
            <TableHeaderCell className={head} button={end}>
              Projected
            </TableHeaderCell>
            <TableHeaderCell className={mergeClasses(head, styles.orderCol)}>Order qty</TableHeaderCell>
            <TableHeaderCell className={mergeClasses(head, styles.actionCol)}>
              <span className={shared.hidden}>Actions</span>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => {
            const sections = opened.get(row.week);
            return (
              <Fragment key={row.week}>
                <WeekLine
                  row={row}
                  item={item}
                  open={sections !== undefined}
                  onToggle={() => toggle(row.week)}
                  onShow={(section) => show(row.week, section)}
                  onOrder={() => setOrdering(row.week)}
                />
                {sections && (
                  <TableRow data-testid={`week-${row.week}-details`} id={`week-${row.week}-details`} className={styles.details}>
                    <TableCell colSpan={COLUMNS} className={shared.cell}>
                      {WEEK_SECTIONS.filter((s) => !s.action || sections.has(s.name)).map((s) => (
                        <Section key={s.name} asked={asked?.week === row.week && asked.section === s.name ? asked : undefined} className={styles.section}>
                          <s.View plan={plan} row={row} settings={settings} />
                        </Section>
                      ))}
                      <div className={styles.links}>
                        {WEEK_SECTIONS.filter((s) => s.action && !sections.has(s.name)).map((s) => (
                          <Link key={s.name} onClick={() => show(row.week, s.name)}>
                            {s.action}
                          </Link>
                        ))}
                      </div>
                    </TableCell>
                  </TableRow>
                )}
              </Fragment>
            );
          })}
        </TableBody>
      </Table>
      {ordering !== undefined && <NewOrderDialog plan={plan} week={ordering} onClose={() => setOrdering(undefined)} />}
    </>
  );
}

/** A part of the details; brought into view (and focused, for screen readers) each time it is asked for. */
function Section({ asked, className, children }: { asked?: object; className: string; children: ReactNode }) {
  const ref = useIntoView<HTMLDivElement>(asked);
  return (
    <div ref={ref} tabIndex={asked ? -1 : undefined} className={className}>
      {children}
    </div>
  );
}

interface WeekLineProps {
  row: PlanRow;
  item: ItemLocation;
  open: boolean;
  onToggle: () => void;
  onShow: (section: string) => void;
  onOrder: () => void;
}

function WeekLine({ row, item, open, onToggle, onShow, onOrder }: WeekLineProps) {
  const shared = useShared();
  const styles = useStyles();
  const override = useOverride(row, item);
  const short = row.flags.includes("stockout") || row.flags.includes("below-safety");
  const cell = mergeClasses(shared.cell, styles.line);
  const number = mergeClasses(cell, shared.number);
  const warningId = `week-${row.week}-warning`;
  return (
    <>
      <TableRow data-testid={`week-${row.week}`}>
        <TableCell className={cell}>
          <Button
            appearance="transparent"
            size="small"
            className={styles.expander}
            aria-expanded={open}
            aria-controls={open ? `week-${row.week}-details` : undefined}
            aria-label={`Week ${row.week}, ${date(row.weekStart)}: details`}
            title={`Week ${row.week}, ${date(row.weekStart)}`}
            onClick={onToggle}
          >
            <span className={styles.chevron} aria-hidden>
              {open ? "▾" : "▸"}
            </span>
            {shortDate(row.weekStart)}
          </Button>
        </TableCell>
        <TableCell className={number}>{qty(row.demand)}</TableCell>
        <TableCell
          data-testid="projected"
          className={mergeClasses(number, short && shared.short)}
          aria-label={short ? `${qty(row.projectedOnHand)}, below safety stock` : undefined}
        >
          {qty(row.projectedOnHand)}
        </TableCell>
        <TableCell className={cell}>
          <Input
            size="small"
            inputMode="decimal"
            value={override.text}
            placeholder={row.recommended > 0 ? qty(row.recommended) : ""}
            title={`Recommended ${qty(row.recommended)}`}
            onChange={(_, d) => override.setText(d.value)}
            onBlur={() => void override.commit()}
            onKeyDown={(e) => e.key === "Enter" && void override.commit()}
            aria-label={`Planner's quantity, week ${row.week}`}
            aria-describedby={override.warning ? warningId : undefined}
            className={mergeClasses(styles.input, override.warning && styles.warned)}
            input={{ className: row.override === null ? undefined : styles.planner }}
          />
        </TableCell>
        <TableCell className={cell}>
          <Menu>
            <MenuTrigger disableButtonEnhancement>
              <Button size="small" appearance="subtle" className={styles.menuButton} aria-label={`Actions for week ${row.week}`}>
                ⋯
              </Button>
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                <MenuItem onClick={onOrder}>New order…</MenuItem>
                {WEEK_SECTIONS.filter((s) => s.action).map((s) => (
                  <MenuItem key={s.name} onClick={() => onShow(s.name)}>
                    {s.action}
                  </MenuItem>
                ))}
              </MenuList>
            </MenuPopover>
          </Menu>
        </TableCell>
      </TableRow>
      {override.warning && (
        <TableRow data-testid={warningId}>
          <TableCell colSpan={COLUMNS} className={shared.cell}>
            <Text size={200} id={warningId} className={styles.warning}>
              ⚠ Week {row.week}: {override.warning}
            </Text>
          </TableCell>
        </TableRow>
      )}
    </>
  );
}

/**
 * The planner's quantity of a week as typed: Enter or leaving the box saves it, blank
 * follows the recommendation. What is typed is checked against the MOQ and case pack
 * at once (a warning; it is saved as typed).
 */
function useOverride(row: PlanRow, item: ItemLocation) {
  const { state, write } = usePane();
  const shown = row.override === null ? "" : String(row.override);
  const { text, setText, commit } = useQuantityBox(shown, (quantity) =>
    write(
      overrideEdit(state.input, state.model, row.sku, row.warehouse, row.week, quantity),
      quantity === null ? `Week ${row.week} follows the recommendation again.` : `Week ${row.week}: the planner's quantity is ${qty(quantity)}; the plan is updated.`,
      "Saved in Order Overrides",
    ),
  );
  const typed = text.trim() === "" ? undefined : Number(text.trim());
  const warning = typed === undefined ? undefined : quantityWarning(typed, item.moq, item.multiple);
  return { text, setText, commit, warning };
}
