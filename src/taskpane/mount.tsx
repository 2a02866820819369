/** Mounts the task pane into `#root` when the page has one. Placeholder until the pane lands. */
export function mountTaskpane(): void {}
