import type { WorkbookInput } from "./input";
import type { Problem } from "./problems";
import { SHEETS } from "./schema";
import { Sheet } from "./sheet";

export type StatusType = "A" | "M" | "D" | "O" | "T" | "P";
export type StatusSource = "warehouse" | "district" | "region" | "product" | "default";

export interface StatusCode {
  code: string;
  type: StatusType;
  description: string;
  builtIn: boolean;
}

export interface ResolvedStatus {
  code: string;
  /** `null` for a code nobody defined: such an item is neither orderable nor recommended. */
  type: StatusType | null;
  source: StatusSource;
  orderable: boolean;
  recommended: boolean;
}

const BUILT_IN: Record<StatusType, string> = {
  A: "Active",
  M: "Markdown",
  D: "Dropped",
  O: "One-Time-Buy",
  T: "Discontinued",
  P: "Purge",
};

export const STATUS_TYPES = Object.keys(BUILT_IN) as StatusType[];

const SOURCE_WORDS: Record<StatusSource, string> = {
  warehouse: "from the warehouse override",
  district: "from the district override",
  region: "from the region override",
  product: "from the SKUs sheet",
  default: "by default",
};

/** A status as a planner reads it: `T (Discontinued), from the district override`. */
export function describeStatus(status: ResolvedStatus): string {
  const kind = status.type === null ? "an unknown code" : status.code === status.type ? BUILT_IN[status.type] : `type ${status.type}, ${BUILT_IN[status.type]}`;
  return `${status.code} (${kind}), ${SOURCE_WORDS[status.source]}`;
}

export function isOrderableType(type: StatusType | null): boolean {
  return type === "A" || type === "M" || type === "D" || type === "O";
}

export function isRecommendedType(type: StatusType | null): boolean {
  return type === "A" || type === "M";
}

export class StatusTable {
  private readonly codes = new Map<string, StatusCode>();
  /** Resolved statuses are immutable and few: items share them rather than each getting its own. */
  private readonly resolved = new Map<StatusSource, Map<string, ResolvedStatus>>();

  constructor() {
    for (const type of STATUS_TYPES) {
      this.codes.set(type, { code: type, type, description: BUILT_IN[type], builtIn: true });
    }
  }

  get(code: string): StatusCode | undefined {
    return this.codes.get(code);
  }

  all(): StatusCode[] {
    return [...this.codes.values()];
  }

  /** Codes a person may pick: never P, nor anything based on it. */
  pickable(): StatusCode[] {
    return this.all().filter((s) => s.type !== "P");
  }

  resolve(code: string, source: StatusSource): ResolvedStatus {
    let bySource = this.resolved.get(source);
    if (!bySource) this.resolved.set(source, (bySource = new Map()));
    let status = bySource.get(code);
    if (!status) {
      const type = this.codes.get(code)?.type ?? null;
      status = Object.freeze({ code, type, source, orderable: isOrderableType(type), recommended: isRecommendedType(type) });
      bySource.set(code, status);
    }
    return status;
  }

  /** The sentence for a code that is not defined, suggesting the code it probably meant. */
  unknownMessage(code: string): string {
    const near = this.all().find((s) => s.code.toLowerCase() === code.toLowerCase());
    const hint = near ? ` Did you mean "${near.code}"?` : "";
    return `Unknown purchase status "${code}": it is not built in nor on the Purchase Statuses sheet, so the item cannot be ordered or recommended until it is fixed.${hint}`;
  }

  add(entry: StatusCode): void {
    this.codes.set(entry.code, entry);
    this.resolved.clear();
  }
}

function parseType(text: string): StatusType | undefined {
  const word = text.trim().toLowerCase();
  return STATUS_TYPES.find((t) => t.toLowerCase() === word || BUILT_IN[t].toLowerCase() === word);
}

export function readStatusTable(input: WorkbookInput, problems: Problem[]): StatusTable {
  const table = new StatusTable();
  const sheet = Sheet.open(input, SHEETS.purchaseStatuses, problems);
  if (!sheet) return table;
  const seen = new Set<string>();
  for (const r of sheet.rows) {
    const code = sheet.requiredCode(r, "code", "a status needs a code");
    if (code === undefined) continue;
    const typeText = sheet.text(r, "type");
    const type = parseType(typeText);
    const description = sheet.text(r, "description");
    const existing = table.get(code);
    if (seen.has(code)) {
      sheet.reportAt(r, "code", `The status code "${code}" is given twice; the first row stands.`);
      continue;
    }
    seen.add(code);
    if (existing?.builtIn) {
      if (typeText && type !== existing.type) {
        sheet.reportAt(r, "type", `"${code}" is a built-in status of type ${existing.type}; its type cannot be changed to "${typeText}", so ${existing.type} stands.`);
      }
      if (description) table.add({ ...existing, description });
      continue;
    }
    if (type === "P") {
      sheet.reportAt(r, "type", `Status "${code}" cannot be based on P (Purge): Purge is only set by the obsolescence process. The code was not added.`);
      continue;
    }
    if (!type) {
      sheet.reportAt(r, "type", `Status "${code}" has ${typeText ? `the unknown type "${typeText}"` : "no type"}; use one of A, M, D, O, T. The code was not added.`);
      continue;
    }
    table.add({ code, type, description, builtIn: false });
  }
  return table;
}
