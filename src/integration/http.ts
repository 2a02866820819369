import type { HttpAnswer, Signer, Transport } from "../core/orders/sync";

/**
 * The network and the HMAC for order sync, on the platform's own web APIs:
 * `fetch` and WebCrypto exist both in Excel's browser runtime and in Node 20, so
 * this module needs no Node import and bundles for the task pane as it is.
 */

type Fetch = typeof globalThis.fetch;
type Subtle = typeof globalThis.crypto.subtle;

/**
 * POST without following redirects, the answer read up to its limit, all within
 * the timeout (a server that drips its answer is cut off too); network failures
 * and timeouts reject with a sentence.
 */
export function fetchTransport(fetchFn?: Fetch): Transport {
  return async ({ url, body, headers, timeoutMs, maxAnswerBytes }) => {
    // Looked up when sending: the pane builds the transport even where no order is ever sent.
    const post = fetchFn ?? globalThis.fetch.bind(globalThis);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await post(url, { method: "POST", body, headers, signal: controller.signal, redirect: "manual", credentials: "omit" });
      const answer = await readAnswer(response, maxAnswerBytes);
      return { status: response.status, ...answer, retryAfter: response.headers.get("Retry-After") ?? undefined, redirect: response.type === "opaqueredirect" || undefined };
    } catch (error) {
      if (controller.signal.aborted) throw new Error(`no answer within ${timeoutMs} ms`, { cause: error });
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      throw new Error(`could not reach ${new URL(url).host}${cause ? ` (${cause})` : ""}`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  };
}

/** At most `limit` bytes of the answer: the rest is not downloaded (an 80 MB answer costs 64 KB). */
async function readAnswer(response: Response, limit: number): Promise<Pick<HttpAnswer, "body" | "truncated">> {
  const reader = response.body?.getReader();
  if (!reader) return { body: "", truncated: false };
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const room = limit - size;
    chunks.push(value.length > room ? value.subarray(0, room) : value);
    size += Math.min(value.length, room);
    if (value.length > room) {
      truncated = true;
      await reader.cancel().catch(() => undefined);
      break;
    }
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { body: new TextDecoder().decode(bytes), truncated };
}

const encoder = new TextEncoder();

export function webCryptoSigner(given?: Subtle): Signer {
  return async (key, message) => {
    const subtle = given ?? globalThis.crypto.subtle;
    const hmacKey = await subtle.importKey("raw", encoder.encode(key), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    const signature = new Uint8Array(await subtle.sign("HMAC", hmacKey, encoder.encode(message)));
    return Array.from(signature, (b) => b.toString(16).padStart(2, "0")).join("");
  };
}

export const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
