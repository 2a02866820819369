import { Field, Input, makeStyles, Text } from "@fluentui/react-components";
import { demandSourceOf } from "../../core/demand";
import { weekDemandSentence } from "../../core/demandText";
import { forecastOverrideEdit } from "../../core/overrideEdits";
import { qty } from "../format";
import { usePane } from "../pane";
import { useShared } from "../styles";
import { useQuantityBox } from "../quantityBox";
import type { WeekSectionProps } from "./weekDetails";

const useStyles = makeStyles({ input: { maxWidth: "8rem" } });

/**
 * The week's demand, where it comes from, and the planner's own figure for it: saved in
 * Forecast Overrides on Enter or on leaving the box; blank goes back to the forecast.
 */
export function WeekDemand({ plan, row }: WeekSectionProps) {
  const { state, write } = usePane();
  const shared = useShared();
  const styles = useStyles();
  const { item } = plan;
  const overridden = demandSourceOf(item, row.week) === "forecast-override";
  const shown = overridden ? String(item.demand[row.week]) : "";
  const { text, setText, commit } = useQuantityBox(shown, (quantity) =>
    write(
      forecastOverrideEdit(state.input, state.model, row.sku, row.warehouse, row.week, quantity),
      quantity === null ? `Week ${row.week}'s demand comes from the forecast again.` : `Week ${row.week}'s demand is ${qty(quantity)}; the plan is updated.`,
      "Saved in Forecast Overrides",
    ),
  );
  return (
    <div className={shared.stack} data-testid="week-demand">
      <Text size={200}>{weekDemandSentence(item, row.week)}</Text>
      <Field label="This week's demand (blank: the forecast)" size="small">
        <Input
          size="small"
          inputMode="decimal"
          className={styles.input}
          value={text}
          placeholder={qty(row.demand)}
          onChange={(_, d) => setText(d.value)}
          onBlur={() => void commit()}
          onKeyDown={(e) => e.key === "Enter" && void commit()}
          aria-label={`Demand, week ${row.week}`}
        />
      </Field>
    </div>
  );
}
