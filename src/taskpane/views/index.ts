import type { FunctionComponent } from "react";
import { Home } from "./Home";
import { Logistics } from "./Logistics";
import { Problems } from "./Problems";
import { Settings } from "./Settings";
import { SupplyPlan } from "./SupplyPlan";

/**
 * The pane's views, one tab each, in tab order. A view is a component that takes
 * what it needs from `usePane()`; adding one is its file and a line here.
 */
export const VIEWS = [
  { name: "home", label: "Home", View: Home },
  { name: "plan", label: "Supply Plan", View: SupplyPlan },
  { name: "logistics", label: "Logistics", View: Logistics },
  { name: "problems", label: "Problems", View: Problems },
  { name: "settings", label: "Settings", View: Settings },
] as const satisfies readonly { name: string; label: string; View: FunctionComponent }[];

export type TabName = (typeof VIEWS)[number]["name"];
