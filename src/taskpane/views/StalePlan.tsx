import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { planStartEdit, stalePlan } from "../../core/planStart";
import { date, plural } from "../format";
import { usePane } from "../pane";

/** The plan's week 1 as the pane names it: this week, a week to come, or (when over) undefined. */
export function usePlanWeek(): { stale: ReturnType<typeof stalePlan>; week1: string } {
  const { state, host } = usePane();
  const { planStart } = state.model.settings;
  const stale = stalePlan(state.model.settings, host.today());
  const week1 = stale ? `week 1 (${date(planStart)})` : planStart > host.today() ? `week 1 (from ${date(planStart)})` : "this week";
  return { stale, week1 };
}

/**
 * When Plan Start is before this week's Monday, week 1 is over: what the plan says to
 * order "now" was due then. Says so, and moves the plan on in one click.
 */
export function StalePlanBar() {
  const { state, write } = usePane();
  const { stale } = usePlanWeek();
  if (!stale) return null;
  const move = () => void write(planStartEdit(state.input, stale.thisMonday), `Plan Start is ${date(stale.thisMonday)}: week 1 is this week.`, "Plan moved to this week");
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="stale-plan">
      <MessageBarBody>
        <MessageBarTitle>Week 1 is over</MessageBarTitle>
        The plan starts on {date(stale.planStart)}, {plural(stale.weeksOver, "week")} before this week, so its week 1 has passed and what it says to order in week 1 was due then.
        Set Plan Start on the Settings sheet to this Monday, {date(stale.thisMonday)}, or clear it so that the plan always starts this week.
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={move}>
          Plan from {date(stale.thisMonday)}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
