/**
 * Dates are whole days counted from 1970-01-01 (UTC). Day numbers keep the engine
 * free of time zones and cheap to compare; Excel serials, JS Dates and ISO text are
 * converted at the edges.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;
/** Excel serial of 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_1900 = 25_569;
/** The 1904 system counts 1,462 days fewer than the 1900 system. */
const SYSTEM_1904_OFFSET = 1_462;

export function dayFromSerial(serial: number, date1904 = false): Day {
  const whole = Math.floor(serial);
  if (date1904) return whole + SYSTEM_1904_OFFSET - UNIX_EPOCH_1900;
  // Excel's serial 60 is the fictitious 1900-02-29: serials before it are one day late.
  return whole < 60 ? whole + 1 - UNIX_EPOCH_1900 : whole - UNIX_EPOCH_1900;
}

export function serialFromDay(day: Day, date1904 = false): number {
  return date1904 ? day + UNIX_EPOCH_1900 - SYSTEM_1904_OFFSET : day + UNIX_EPOCH_1900;
}

export function dayFromDate(date: Date): Day {
  return Math.floor(date.getTime() / MS_PER_DAY);
}

export function dateFromDay(day: Day): Date {
  return new Date(day * MS_PER_DAY);
}

/** The local calendar date of a moment, as a day number (what "today" means to the user). */
export function localDay(moment: Date): Day {
  return Math.floor(Date.UTC(moment.getFullYear(), moment.getMonth(), moment.getDate()) / MS_PER_DAY);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function dayFromIso(text: string): Day | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  return ms / MS_PER_DAY;
}

export function isoFromDay(day: Day): string {
  return dateFromDay(day).toISOString().slice(0, 10);
}

/** The Monday on or before a day (1970-01-01 was a Thursday). */
export function mondayOf(day: Day): Day {
  return day - ((((day + 3) % 7) + 7) % 7);
}
