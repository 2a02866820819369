import type { Command } from "../command";
import { check, orderNowCommand, plan, status, writePlan } from "./planning";
import { sample } from "./sample";
import { exportPo, summary } from "./orders";
import { sync } from "./sync";
import { createOrdersCommand, receiveCommand } from "./buying";
import { forecast } from "./forecast";

/** Every `planster` command; each lives in its own module. */
export const COMMANDS: Record<string, Command> = {
  plan,
  "order-now": orderNowCommand,
  status,
  check,
  "write-plan": writePlan,
  sample,
  "export-po": exportPo,
  summary,
  "create-orders": createOrdersCommand,
  receive: receiveCommand,
  forecast,
  sync,
};
