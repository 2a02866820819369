import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { planStartEdit, stalePlan } from "../../core/planStart";
import { date, plural } from "../format";
import { usePane } from "../pane";

/** Whether week 1 is over, and when the plan orders "now" as the pane says it: "this week", "in week 1 (from 30 Nov 2026)". */
export function usePlanWeek(): { stale: ReturnType<typeof stalePlan>; week1: string } {
  const { state, host } = usePane();
  const { planStart } = state.model.settings;
  const stale = stalePlan(state.model.settings, host.today());
  const week1 = stale ? `in week 1 (${date(planStart)})` : planStart > host.today() ? `in week 1 (from ${date(planStart)})` : "this week";
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
        The plan starts on {date(stale.planStart)}, {plural(stale.weeksOver, "week")} before this week: its week 1 has passed. To plan from now, set Plan Start on the Settings
        sheet to this Monday, {date(stale.thisMonday)}, or clear it so that the plan always starts in the current week.
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={move}>
          Plan from {date(stale.thisMonday)}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
