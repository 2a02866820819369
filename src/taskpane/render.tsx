import { createRoot } from "react-dom/client";
import { App } from "./App";
import type { WorkbookHost } from "./host";

/** Renders the pane on a workbook host; answers a function that removes it. */
export function renderPane(container: HTMLElement, host: WorkbookHost): () => void {
  const root = createRoot(container);
  root.render(<App host={host} />);
  return () => root.unmount();
}
