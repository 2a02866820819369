import { Button, Link, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { Problem } from "../../core/problems";
import type { WorkbookHost } from "../host";
import { plural, sentence } from "../format";
import { type Notice, usePane } from "../pane";
import { useShared } from "../styles";

const FIRST = 200;

export function Problems() {
  const { state, host, notify } = usePane();
  return <ProblemList problems={state.model.problems} host={host} notify={notify} />;
}

/** Every problem with its address; choosing one selects its cell in the workbook. */
export function ProblemList({ problems, host, notify }: { problems: Problem[]; host: WorkbookHost; notify: (n: Notice | null) => void }) {
  const shared = useShared();
  const [all, setAll] = useState(false);
  const shown = all ? problems : problems.slice(0, FIRST);
  const select = (address: string) =>
    host.select(address).catch((error: unknown) => notify({ intent: "error", title: "Cannot select that cell", text: error instanceof Error ? error.message : String(error) }));
  return (
    <section aria-labelledby="problems-title" className={shared.stack}>
      <Text as="h2" id="problems-title" weight="semibold" size={400} block>
        {problems.length === 0 ? "No problems" : plural(problems.length, "problem")}
      </Text>
      <ul aria-label="Problems of the workbook" className={shared.plainList}>
        {shown.map((p, i) => (
          <li key={i}>
            <Link onClick={() => void select(p.address)} aria-label={`Select ${p.address}: ${p.message}`}>
              {p.address}
            </Link>{" "}
            <Text>{sentence(p.message)}</Text>
          </li>
        ))}
      </ul>
      {!all && problems.length > FIRST && (
        <div>
          <Button onClick={() => setAll(true)}>Show all {plural(problems.length, "problem")}</Button>
        </div>
      )}
    </section>
  );
}
