import type { WorkbookInput } from "./input";
import type { Codes } from "./catalog";
import type { Problem } from "./problems";
import { SHEETS } from "./schema";
import { Sheet } from "./sheet";
import type { StatusSource, StatusTable } from "./statuses";

type Level = "warehouse" | "district" | "region";
const LEVELS: Level[] = ["warehouse", "district", "region"];

/** Status Overrides rows by SKU, then by level and place. */
export class StatusOverrides {
  // By SKU first: most SKUs have no override, and one lookup of the SKU's own code settles them.
  private readonly bySku = new Map<string, Map<string, string>>();

  set(sku: string, level: Level, place: string, code: string): boolean {
    let mine = this.bySku.get(sku);
    if (!mine) this.bySku.set(sku, (mine = new Map()));
    const key = `${level}\u0000${place}`;
    if (mine.has(key)) return false;
    mine.set(key, code);
    return true;
  }

  /** The first override found from the warehouse outwards (a blank place has none). */
  find(sku: string, warehouse: string, district: string, region: string): { code: string; source: StatusSource } | undefined {
    const mine = this.bySku.get(sku);
    if (!mine) return undefined;
    return at(mine, "warehouse", warehouse) ?? at(mine, "district", district) ?? at(mine, "region", region);
  }
}

function at(mine: Map<string, string>, level: Level, place: string): { code: string; source: StatusSource } | undefined {
  const code = place ? mine.get(`${level}\u0000${place}`) : undefined;
  return code === undefined ? undefined : { code, source: level };
}

/** What the rows may refer to: SKUs on the SKUs sheet and, when there is a Warehouses sheet, its places. */
export interface OverrideTargets {
  skus: Codes;
  places?: Record<Level, ReadonlySet<string>>;
}

export function readStatusOverrides(input: WorkbookInput, statuses: StatusTable, targets: OverrideTargets, problems: Problem[]): StatusOverrides {
  const overrides = new StatusOverrides();
  const sheet = Sheet.open(input, SHEETS.statusOverrides, problems);
  if (!sheet) return overrides;
  for (const r of sheet.rows) {
    const sku = sheet.requiredCode(r, "sku", "");
    const code = sheet.requiredCode(r, "status", "");
    if (sku === undefined || code === undefined) continue;
    const filled = LEVELS.filter((level) => sheet.has(level) && !sheet.blank(r, level));
    if (filled.length !== 1) {
      sheet.reportAt(
        r,
        "sku",
        `A status override needs exactly one of Warehouse, District or Region; this row has ${filled.length === 0 ? "none" : filled.join(" and ")}, so it was not used.`,
      );
      continue;
    }
    const level = filled[0];
    const place = sheet.code(r, level);
    if (place === undefined) continue;
    if (!targets.skus.has(sku)) {
      sheet.reportAt(r, "sku", `SKU "${sku}" is not on the SKUs sheet; this status override was not used.`);
      continue;
    }
    if (targets.places && !targets.places[level].has(place)) {
      sheet.reportAt(r, level, `No warehouse on the Warehouses sheet has ${level} "${place}"; this status override was not used.`);
      continue;
    }
    if (!statuses.get(code)) sheet.reportAt(r, "status", statuses.unknownMessage(code));
    if (!overrides.set(sku, level, place, code)) {
      sheet.reportAt(r, "sku", `SKU "${sku}" already has a status override for ${level} "${place}"; the first row stands.`);
    }
  }
  return overrides;
}
