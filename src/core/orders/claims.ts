/**
 * A row the add-in is still saving carries a claim in its PO Number cell instead
 * of the bare number: no other buyer writes the same claim, so the add-in can tell
 * its own rows from a co-author's written over them (coauthoring.ts).
 */
const CLAIM = /^(.*) \(saving ([0-9a-z]+)\)$/;

export function claimed(number: string, nonce: string): string {
  return `${number} (saving ${nonce})`;
}

/** The PO number a cell stands for: a claim's number, or the code itself. */
export function numberPart(code: string): string {
  return CLAIM.exec(code)?.[1] ?? code;
}

/** A claim left in the workbook by a save that did not finish (the add-in closed meanwhile). */
export function isClaim(code: string): boolean {
  return CLAIM.test(code);
}

export function newNonce(random: () => number): string {
  return Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, "0");
}
