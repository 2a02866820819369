import { createContext, useContext } from "react";
import type { PlannedWorkbook } from "../core/planned";
import type { LiveModel } from "../runtime/liveModel";
import type { Applied, Change, WorkbookHost } from "./host";
import type { TabName } from "./views";

export type { Change, TabName };

export interface Notice {
  intent: "error" | "success" | "warning" | "info";
  title: string;
  text: string;
}

export interface Pane {
  host: WorkbookHost;
  /** The runtime's live model: the same plan the function cells answer from. */
  live: LiveModel;
  state: PlannedWorkbook;
  notify(notice: Notice | null): void;
  /** Writes a change (showing progress for long ones), re-plans, and tells the user; false when refused or failed. */
  write(change: Change, done: string, title?: string): Promise<Applied | null>;
  /** The item-location chosen last (`itemKey`), shown by the Supply Plan view. */
  item?: string;
  /** Shows a view, and chooses an item-location when given. */
  open(tab: TabName, item?: string): void;
}

export const PaneContext = createContext<Pane | null>(null);

export function usePane(): Pane {
  const pane = useContext(PaneContext);
  if (!pane) throw new Error("usePane outside the pane");
  return pane;
}
