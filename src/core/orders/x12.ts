import { isoFromDay } from "../dates";
import { Money } from "../money";
import type { SharedOrder } from "./share";

/** Who sends and who receives the interchange (ISA05–08, GS02–03). */
export interface X12Party {
  /** ISA qualifier, e.g. `ZZ` (mutually defined) or `01` (DUNS). */
  qualifier: string;
  id: string;
}

export interface X12Options {
  sender?: X12Party;
  /** Defaults to the supplier's code, qualifier ZZ. */
  receiver?: X12Party;
  /** ISA13 and GS06, 1..999,999,999; defaults to one derived from the PO number and revision. */
  controlNumber?: number;
  /** When the interchange is made (ISA09–10, GS04–05, in UTC). */
  now: Date;
  /** `P` production, `T` test. */
  usage?: "P" | "T";
}

export const X12_DELIMITERS = { element: "*", segment: "~", component: ">" } as const;

const DEFAULT_SENDER: X12Party = { qualifier: "ZZ", id: "PLANSTER" };
const MAX_CONTROL = 999_999_999;

/**
 * The order as one EDI X12 850 (version 004010) interchange: ISA, GS, ST, BEG, CUR,
 * DTM, N1 (selling party, ship-to), PO1 per line (with its own DTM when its date
 * differs), CTT, SE, GE, IEA — one group of one transaction set.
 */
export function orderX12(shared: SharedOrder, options: X12Options): string {
  const { order, supplier, shipTo } = shared;
  const sender = options.sender ?? DEFAULT_SENDER;
  const receiver = options.receiver ?? { qualifier: "ZZ", id: supplier.code };
  const control = options.controlNumber ?? derivedControlNumber(order.number, order.revision);
  if (!Number.isInteger(control) || control < 1 || control > MAX_CONTROL) throw new RangeError(`The X12 control number must be a whole number from 1 to ${MAX_CONTROL}.`);
  const iso = options.now.toISOString();
  const ccyymmdd = iso.slice(0, 10).replace(/-/g, "");
  const hhmm = iso.slice(11, 16).replace(":", "");
  const date = (day: number | undefined) => (day === undefined ? "" : isoFromDay(day).replace(/-/g, ""));

  const body: string[][] = [
    ["ST", "850", "0001"],
    ["BEG", purpose(order), "SA", order.number, "", date(order.orderDate)],
    ["CUR", "BY", order.currency],
  ];
  if (order.expectedDelivery !== undefined) body.push(["DTM", "002", date(order.expectedDelivery)]);
  body.push(["N1", "SE", supplier.name.slice(0, 60), "92", supplier.code]);
  body.push(["N1", "ST", shipTo.name.slice(0, 60), "92", shipTo.code]);
  let quantities = new Money(0);
  for (const line of order.lines) {
    body.push(["PO1", String(line.line), String(line.quantity), "EA", line.unitPrice.toFixed(), "", "BP", line.sku]);
    if (line.expectedDelivery !== undefined && line.expectedDelivery !== order.expectedDelivery) body.push(["DTM", "002", date(line.expectedDelivery)]);
    quantities = quantities.plus(line.quantity);
  }
  body.push(["CTT", String(order.lines.length), quantities.toFixed()]);
  body.push(["SE", String(body.length + 1), "0001"]);

  const controlText = String(control).padStart(9, "0");
  const segments: string[][] = [
    [
      "ISA",
      "00",
      " ".repeat(10),
      "00",
      " ".repeat(10),
      sender.qualifier,
      fixed(sender.id, 15),
      receiver.qualifier,
      fixed(receiver.id, 15),
      ccyymmdd.slice(2),
      hhmm,
      "U",
      "00401",
      controlText,
      "0",
      options.usage ?? "P",
      X12_DELIMITERS.component,
    ],
    ["GS", "PO", clean(sender.id), clean(receiver.id), ccyymmdd, hhmm, String(control), "X", "004010"],
    ...body,
    ["GE", "1", String(control)],
    ["IEA", "1", controlText],
  ];
  return segments.map(([tag, ...elements], i) => [tag, ...(i === 0 ? elements : elements.map(clean))].join(X12_DELIMITERS.element) + X12_DELIMITERS.segment).join("\n") + "\n";
}

/** BEG01: a cancelled order is a cancellation (01), a later revision replaces the earlier one (05), else original (00). */
function purpose(order: SharedOrder["order"]): string {
  if (order.status === "Cancelled") return "01";
  return order.revision > 1 ? "05" : "00";
}

/** Delimiters and line breaks cannot appear inside an element: they become spaces. */
function clean(value: string): string {
  return value.replace(/[*~>^\r\n]/g, " ").trim();
}

/** ISA's fixed-width identifiers: cleaned, cut to width, padded with spaces. */
function fixed(value: string, width: number): string {
  return clean(value).slice(0, width).padEnd(width, " ");
}

/** A stable control number per order revision, so a resent file is recognisably the same. */
export function derivedControlNumber(number: string, revision: number): number {
  const digits = Number(number.replace(/\D/g, "").slice(-6) || "0");
  return ((digits * 1000 + (revision % 1000)) % MAX_CONTROL) + 1;
}
