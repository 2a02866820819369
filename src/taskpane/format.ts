import type { Decimal } from "decimal.js";
import { type Day, isoFromDay } from "../core/dates";
import { formatMoney } from "../core/money";

const QUANTITY = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

export const qty = (n: number): string => QUANTITY.format(Object.is(n, -0) ? 0 : n);
export const money = (amount: Decimal, currency: string): string => `${formatMoney(amount)} ${currency}`;
export const day = (d: Day | null | undefined): string => (d === null || d === undefined ? "" : isoFromDay(d));
export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
