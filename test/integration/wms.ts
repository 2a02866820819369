import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  key: string;
  signature: string;
  body: string;
}

/** One scripted answer: handles the request (answering, or never) and says so, or leaves it to the WMS's own answer. */
export type Step = (res: ServerResponse, req: IncomingMessage) => boolean;

/**
 * A WMS on 127.0.0.1: checks each order's signature as a receiver should (README,
 * "Sending to a WMS or ERP"), answers per script, and remembers idempotency keys
 * so that a resend of a revision gets the same id.
 */
export class FakeWms {
  readonly received: Received[] = [];
  readonly byKey = new Map<string, string>();
  script: Step[] = [];
  url = "";
  private server!: Server;

  constructor(
    private readonly secret: string,
    /** The receiver's clock, for the timestamp window. */
    private readonly now: () => Date = () => new Date(),
  ) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/orders`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const key = String(req.headers["idempotency-key"]);
      const signature = String(req.headers["x-planster-signature"]);
      this.received.push({ key, signature, body });
      const step = this.script.shift();
      if (step && step(res, req)) return;
      if (!verifySignature(signature, key, body, this.secret, this.now())) {
        res.writeHead(401).end("bad signature");
        return;
      }
      const known = this.byKey.get(key);
      const id = known ?? `WMS-${this.byKey.size + 1}`;
      this.byKey.set(key, id);
      res.writeHead(known ? 200 : 201, { "Content-Type": "application/json" }).end(JSON.stringify({ id, duplicate: Boolean(known) }));
    });
  }
}

/** What a receiver checks: the HMAC-SHA256 of "<t>.<idempotency key>.<body>" under the key, and a time within 5 minutes of its own. */
export function verifySignature(header: string, key: string, body: string, secret: string, now: Date): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!m || Math.abs(Number(m[1]) - now.getTime() / 1000) > 300) return false;
  return m[2] === createHmac("sha256", secret).update(`${m[1]}.${key}.${body}`).digest("hex");
}
