/** After what is waiting to run: the browser's idle time (within 2 s), else a timer (Node, Safari). */
export function whenIdle(task: () => void): void {
  const idle = (globalThis as { requestIdleCallback?: (task: () => void, options: { timeout: number }) => number }).requestIdleCallback;
  if (idle) idle(task, { timeout: 2_000 });
  else setTimeout(task, 0);
}
