import { startTransition, useEffect, useState } from "react";

/**
 * False for a view's first paint, then true, set in a transition that the user's first
 * click interrupts: a long list draws the lines that fill the pane first and the rest
 * right after, so that opening a view on 5,000 SKUs answers at once.
 */
export function usePainted(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => startTransition(() => setPainted(true)), []);
  return painted;
}
