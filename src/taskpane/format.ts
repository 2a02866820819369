import type { Decimal } from "decimal.js";
import { type Day, isoFromDay } from "../core/dates";
import { displayQuantity } from "../core/format";
import { formatMoney } from "../core/money";

export const qty = displayQuantity;
export const money = (amount: Decimal, currency: string): string => `${formatMoney(amount)} ${currency}`;
export const day = (d: Day | null | undefined): string => (d === null || d === undefined ? "" : isoFromDay(d));
export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
