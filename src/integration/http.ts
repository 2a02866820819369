import type { Signer, Transport } from "../core/orders/sync";

/**
 * The network and the HMAC for order sync, on the platform's own web APIs:
 * `fetch` and WebCrypto exist both in Excel's browser runtime and in Node 20, so
 * this module needs no Node import and bundles for the task pane as it is.
 */

type Fetch = typeof globalThis.fetch;
type Subtle = typeof globalThis.crypto.subtle;

/** POST with a timeout; network failures and timeouts reject with a sentence. */
export function fetchTransport(fetchFn: Fetch = globalThis.fetch.bind(globalThis)): Transport {
  return async ({ url, body, headers, timeoutMs }) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await fetchFn(url, { method: "POST", body, headers, signal: controller.signal });
      return { status: response.status, body: await response.text() };
    } catch (error) {
      if (controller.signal.aborted) throw new Error(`no answer within ${timeoutMs} ms`, { cause: error });
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      throw new Error(`could not reach ${new URL(url).host}${cause ? ` (${cause})` : ""}`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  };
}

const encoder = new TextEncoder();

export function webCryptoSigner(subtle: Subtle = globalThis.crypto.subtle): Signer {
  return async (key, body) => {
    const hmacKey = await subtle.importKey("raw", encoder.encode(key), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    const signature = new Uint8Array(await subtle.sign("HMAC", hmacKey, encoder.encode(body)));
    return Array.from(signature, (b) => b.toString(16).padStart(2, "0")).join("");
  };
}

export const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
