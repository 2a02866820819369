import { createContext, useContext } from "react";
import type { Applied, Change, WorkbookHost } from "./host";

export type { Change };
import type { Ready, Session } from "./session";

export type TabName = "home" | "plan" | "logistics" | "problems" | "settings";

export interface Notice {
  intent: "error" | "success" | "warning" | "info";
  title: string;
  text: string;
}

export interface Pane {
  host: WorkbookHost;
  session: Session;
  state: Ready;
  notify(notice: Notice | null): void;
  /** Writes a change (showing progress for long ones), re-plans, and tells the user; false when refused or failed. */
  write(change: Change, done: string, title?: string): Promise<Applied | null>;
  open(tab: TabName, item?: string): void;
}

export const PaneContext = createContext<Pane | null>(null);

export function usePane(): Pane {
  const pane = useContext(PaneContext);
  if (!pane) throw new Error("usePane outside the pane");
  return pane;
}
