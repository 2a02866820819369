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
  const refused = x12Refusal(shared, options);
  if (refused) throw new RangeError(refused);
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

const SEPARATORS: [string, string][] = [
  [X12_DELIMITERS.element, "element separator"],
  [X12_DELIMITERS.segment, "segment terminator"],
  [X12_DELIMITERS.component, "sub-element separator"],
];

/** ISA06 and ISA08 are exactly 15 characters: a longer id would be cut, and the interchange sent to someone else. */
const ISA_ID_WIDTH = 15;

/**
 * Why the order cannot go out as X12, naming the field, or undefined when it can.
 * A separator inside a value would end the element or segment early, and replacing
 * it would send a different SKU or name than the workbook holds: the order is
 * refused instead (CSV and the PO sheet carry any text).
 */
export function x12Refusal(shared: SharedOrder, options: Pick<X12Options, "sender" | "receiver"> = {}): string | undefined {
  const { order, supplier, shipTo } = shared;
  const receiver = options.receiver ?? { qualifier: "ZZ", id: supplier.code };
  const fields: [string, string][] = [
    ["the PO Number", order.number],
    ["the Currency", order.currency],
    ["the supplier's Name", supplier.name],
    ["the Supplier code", supplier.code],
    ["the ship-to warehouse's Name", shipTo.name],
    ["the Warehouse code", shipTo.code],
    ...order.lines.map((line): [string, string] => [`the SKU of line ${line.line}`, line.sku]),
    ["the sender id", (options.sender ?? DEFAULT_SENDER).id],
    ["the receiver id", receiver.id],
  ];
  for (const [field, value] of fields) {
    const separator = SEPARATORS.find(([char]) => value.includes(char));
    if (separator) {
      return `Purchase order ${order.number} cannot be sent as X12: ${field} "${value}" holds "${separator[0]}", the X12 ${separator[1]}. Change it in the workbook, or share the order as CSV or a PO sheet.`;
    }
  }
  for (const [field, id] of [
    ["sender id", (options.sender ?? DEFAULT_SENDER).id],
    ["receiver id (the Supplier code)", receiver.id],
  ]) {
    if (clean(id).length > ISA_ID_WIDTH)
      return `Purchase order ${order.number} cannot be sent as X12: the ${field} "${id}" is longer than the ${ISA_ID_WIDTH} characters X12 allows.`;
  }
  return undefined;
}

/** BEG01: a cancelled order is a cancellation (01), a later revision replaces the earlier one (05), else original (00). */
function purpose(order: SharedOrder["order"]): string {
  if (order.status === "Cancelled") return "01";
  return order.revision > 1 ? "05" : "00";
}

/** Line breaks cannot appear inside an element (a name typed on two lines is the same name): they become spaces. Separators were refused before. */
function clean(value: string): string {
  return value.replace(/[\r\n]+/g, " ").trim();
}

/** ISA's fixed-width identifiers, padded with spaces (longer ones were refused). */
function fixed(value: string, width: number): string {
  return clean(value).padEnd(width, " ");
}

/** A stable control number per order revision, so a resent file is recognisably the same. */
export function derivedControlNumber(number: string, revision: number): number {
  const digits = Number(number.replace(/\D/g, "").slice(-6) || "0");
  return ((digits * 1000 + (revision % 1000)) % MAX_CONTROL) + 1;
}
