import { Dropdown, Field, makeStyles, Option } from "@fluentui/react-components";

const useStyles = makeStyles({
  // Fluent's dropdowns are at least 250 px wide; here three share a 320 px pane, wrapping when they must.
  pick: { flexGrow: 1, flexBasis: "8rem", minWidth: 0 },
  dropdown: { minWidth: 0, width: "100%" },
  chosen: { whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" },
});

export interface Choice {
  value: string;
  text: string;
}

/** A labelled dropdown that shares a row with others in a narrow pane; `value` is one of the choices' values. */
export function Pick({ label, choices, value, onPick, testId }: { label: string; choices: Choice[]; value: string; onPick: (value: string) => void; testId?: string }) {
  const styles = useStyles();
  const chosen = choices.find((c) => c.value === value);
  return (
    <Field label={label} className={styles.pick}>
      <Dropdown
        value={chosen?.text ?? ""}
        selectedOptions={chosen ? [chosen.value] : []}
        onOptionSelect={(_, d) => onPick(d.optionValue ?? "")}
        data-testid={testId}
        className={styles.dropdown}
        button={{ className: styles.chosen }}
      >
        {choices.map((c) => (
          <Option key={c.value || "(all)"} value={c.value} text={c.text}>
            {c.text}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
