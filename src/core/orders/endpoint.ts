import { isIntegrationUrl } from "../settings";

/**
 * Where signed orders go (ORDERS.md, "The endpoint is the user's, not the
 * workbook's"). The key and the URL it is for are kept together on the user's
 * machine (the pane's storage, the CLI's environment); the workbook's
 * `Integration URL` only says that the workbook is meant to be sent and where.
 * A workbook shared with a supplier could name any URL: orders are sent only when
 * it names the very endpoint the user stored.
 */
export interface StoredEndpoint {
  url: string;
  key: string;
}

export type Destination =
  /** The workbook has no Integration URL: orders are not sent, nor marked pending. */
  | { kind: "none" }
  | { kind: "send"; url: string; key: string }
  /** Meant to be sent, but not from here: the order stays `pending`, and the buyer reads why. */
  | { kind: "unsent"; reason: string }
  /** The workbook names another endpoint than the stored one: nothing is sent and the buyer is asked. */
  | { kind: "mismatch"; reason: string; workbookUrl: string; storedUrl: string };

/** The URL as a browser compares it: scheme and host in lower case, default port and an empty path made plain. */
export function sameEndpoint(a: string, b: string): boolean {
  return normalUrl(a) === normalUrl(b);
}

function normalUrl(text: string): string {
  try {
    return new URL(text.trim()).href;
  } catch {
    return text.trim();
  }
}

export function destination(workbookUrl: string, stored: StoredEndpoint | undefined): Destination {
  if (!workbookUrl.trim()) return { kind: "none" };
  if (!stored || !stored.key || !stored.url) {
    return { kind: "unsent", reason: "No integration (URL and key) is stored on this machine, so the order was not sent; it is marked pending." };
  }
  if (!sameEndpoint(workbookUrl, stored.url)) {
    return {
      kind: "mismatch",
      workbookUrl,
      storedUrl: stored.url,
      reason: `This workbook asks for orders to be sent to ${workbookUrl}, but the integration stored on this machine is for ${stored.url}: nothing was sent.`,
    };
  }
  if (!isIntegrationUrl(stored.url)) return { kind: "unsent", reason: `The stored integration URL ${stored.url} is not https: (or http: to this machine), so nothing was sent.` };
  return { kind: "send", url: stored.url, key: stored.key };
}
