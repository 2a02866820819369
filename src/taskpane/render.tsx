import { createRoot } from "react-dom/client";
import type { LiveModel } from "../runtime/liveModel";
import { App } from "./App";
import type { WorkbookHost } from "./host";

/** Renders the pane on a workbook host and the live model of that workbook; answers a function that removes it. */
export function renderPane(container: HTMLElement, host: WorkbookHost, live: LiveModel): () => void {
  const root = createRoot(container);
  root.render(<App host={host} live={live} />);
  return () => root.unmount();
}
