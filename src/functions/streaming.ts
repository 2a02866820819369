import type { PlannedWorkbook } from "../core/planned";
import type { LiveModel, Outcome } from "../runtime/liveModel";
import { asFunctionError, type FunctionError, unplannedError } from "./errors";

/**
 * `CustomFunctions.Error` for a function error. Excel accepts `#REF!` only as an
 * input error and shows no message with it, so the "cannot read the workbook"
 * error goes out as `#N/A`, the nearest code that carries the message.
 */
export function excelError(error: FunctionError): CustomFunctions.Error {
  const code = error.code === "#REF!" ? "#N/A" : error.code;
  return new CustomFunctions.Error(code as CustomFunctions.ErrorCode, error.message);
}

export function resultOf<T>(outcome: Outcome, answer: (state: PlannedWorkbook) => T): T | CustomFunctions.Error {
  if (!outcome.ok) return excelError(unplannedError(outcome));
  return guarded(() => answer(outcome));
}

function guarded<T>(answer: () => T): T | CustomFunctions.Error {
  try {
    return answer();
  } catch (error) {
    return excelError(asFunctionError(error));
  }
}

/** Answers a function cell whose answer depends on its arguments only: once, when Excel calls it. */
export function answerOnce<T>(invocation: CustomFunctions.StreamingInvocation<T>, answer: () => T): void {
  invocation.setResult(guarded(answer));
}

/**
 * Answers a streaming function cell now, and again after every change of an input sheet
 * that can change its answer (an edit that touches one of `keys`, any full read), until
 * Excel cancels it. An answer the same as the last one is not sent again.
 */
export function streamAnswer<T>(live: LiveModel, invocation: CustomFunctions.StreamingInvocation<T>, answer: (state: PlannedWorkbook) => T, keys: readonly string[]): void {
  let last: unknown = NOTHING;
  const unsubscribe = live.subscribe((outcome) => {
    const result = resultOf(outcome, answer);
    if (sameAnswer(result, last)) return;
    last = result;
    invocation.setResult(result);
  }, keys);
  invocation.onCanceled = unsubscribe;
}

const NOTHING = Symbol("no answer yet");

/** Plain values and errors compare by value; spills (new arrays) are sent again. */
function sameAnswer(a: unknown, b: unknown): boolean {
  if (a === b) return typeof a !== "object" || a === null;
  if (a instanceof CustomFunctions.Error && b instanceof CustomFunctions.Error) return a.code === b.code && a.message === b.message;
  return false;
}
