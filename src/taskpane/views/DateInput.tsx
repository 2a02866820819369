import { Input, type InputProps } from "@fluentui/react-components";
import { parseDate } from "../format";

/**
 * A date typed as the pane writes dates (`7 Dec 2026`), or ISO. A text box rather than
 * the browser's date picker, whose format follows the machine's locale and would show
 * dates another way than the rest of the pane.
 */
export function DateInput(props: Omit<InputProps, "type">) {
  const text = String(props.value ?? "").trim();
  return <Input placeholder="e.g. 7 Dec 2026" autoComplete="off" aria-invalid={text !== "" && parseDate(text) === undefined} {...props} />;
}
