/**
 * What Excel gives a custom function, for tests in Node: `CustomFunctions.Error` (set on
 * import, as Excel's runtime does) and a cell's streaming invocation that records every result.
 */
export class CustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = { Error: CustomFunctionsError };

/** A function cell: the streaming invocation Excel hands the function, recording every result. */
export class Cell<T = unknown> {
  results: T[] = [];
  onCanceled?: () => void;
  setResult = (value: T) => void this.results.push(value);
  get value(): T {
    return this.results[this.results.length - 1];
  }
}
