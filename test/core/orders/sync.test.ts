import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createOrder } from "../../../src/core/orders/create";
import { orderFromBook } from "../../../src/core/orders/order";
import { type SendOptions, sendOrder, syncWrites } from "../../../src/core/orders/sync";
import { fetchTransport, webCryptoSigner } from "../../../src/integration/http";
import { TODAY } from "../../helpers";
import { applyWrites, context, records, shop } from "./fixture";

const KEY = "s3cret-integration-key";
const NOW = new Date("2026-11-23T10:30:00.000Z");

interface Received {
  key: string;
  signature: string;
  body: string;
}

/** A WMS on 127.0.0.1: checks the signature with node:crypto, answers per script, remembers idempotency keys. */
class FakeWms {
  readonly received: Received[] = [];
  readonly byKey = new Map<string, string>();
  script: ((res: ServerResponse) => boolean)[] = [];
  private server!: Server;
  url = "";

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
      if (step && step(res)) return;
      if (signature !== `sha256=${createHmac("sha256", KEY).update(body).digest("hex")}`) {
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

function newOrder(url: string) {
  const book = shop({}, { "Integration URL": url });
  const result = createOrder(context(book), { supplier: "ACME", lines: [{ sku: "WIDGET", quantity: 4 }] }, TODAY);
  if (!result.ok) throw new Error(result.reason);
  applyWrites(book, result.writes);
  return { book, order: result.order };
}

describe("sending an order to a WMS", () => {
  const wms = new FakeWms();
  const delays: number[] = [];
  const options = (extra: Partial<SendOptions> = {}): SendOptions => ({
    url: wms.url,
    key: KEY,
    transport: fetchTransport(),
    sign: webCryptoSigner(),
    now: () => NOW,
    sleep: async (ms) => void delays.push(ms),
    timeoutMs: 2000,
    attempts: 3,
    backoffMs: 100,
    ...extra,
  });

  beforeAll(() => wms.start());
  afterAll(() => wms.stop());
  beforeEach(() => {
    wms.received.length = 0;
    wms.script = [];
    delays.length = 0;
  });

  it("posts the signed JSON with the idempotency key, and fills External ID, Sync Status, Last Synced", async () => {
    const { book, order } = newOrder(wms.url);
    expect(records(book, "Purchase Orders")[1]).toMatchObject({ Status: "Submitted", "Sync Status": "pending" });
    const outcome = await sendOrder(order, options());
    expect(outcome).toEqual({ sent: true, externalId: "WMS-1", syncStatus: "sent", lastSynced: "2026-11-23T10:30:00.000Z", attempts: 1 });
    expect(wms.received).toHaveLength(1);
    expect(wms.received[0].key).toBe("PO-0008:1");
    // 4 × 2.5 = 10.00; delivery: lead 14 days from week 1 → week 3 (2026-12-07).
    expect(JSON.parse(wms.received[0].body)).toEqual({
      poNumber: "PO-0008",
      revision: 1,
      type: "Purchase Order",
      supplier: "ACME",
      warehouse: "MAIN",
      status: "Submitted",
      orderDate: "2026-11-23",
      expectedDelivery: "2026-12-07",
      currency: "USD",
      total: "10.00",
      notes: "",
      lines: [{ line: 1, sku: "WIDGET", quantity: 4, unitPrice: "2.5", lineTotal: "10.00", receivedQty: 0, expectedDelivery: "2026-12-07" }],
    });
    const writes = syncWrites(book.input(), order.number, outcome);
    applyWrites(book, writes);
    expect(records(book, "Purchase Orders")[1]).toMatchObject({ "PO Number": "PO-0008", "External ID": "WMS-1", "Sync Status": "sent", "Last Synced": "2026-11-23T10:30:00.000Z" });
    expect(JSON.stringify([...book.sheets])).not.toContain(KEY);
  });

  it("retries after a 500, waiting with backoff", async () => {
    const { order } = newOrder(wms.url);
    wms.script = [(res) => (res.writeHead(500).end("database down"), true)];
    const outcome = await sendOrder(order, options());
    expect(outcome).toMatchObject({ sent: true, syncStatus: "sent", attempts: 2 });
    expect(delays).toEqual([100]);
  });

  it("gives up after the last try when the server never answers in time, the order kept and marked", async () => {
    const { book, order } = newOrder(wms.url);
    const hang = () => true; // never answers
    wms.script = [hang, hang, hang];
    const outcome = await sendOrder(order, options({ timeoutMs: 150 }));
    expect(outcome).toEqual({ sent: false, externalId: "", syncStatus: "failed: no answer within 150 ms (after 3 tries)", lastSynced: "", attempts: 3 });
    expect(delays).toEqual([100, 200]);
    applyWrites(book, syncWrites(book.input(), order.number, outcome));
    const row = records(book, "Purchase Orders")[1];
    expect(row).toMatchObject({ "PO Number": "PO-0008", Status: "Submitted", "Sync Status": "failed: no answer within 150 ms (after 3 tries)" });
    // The order still counts as inbound supply and can be sent again.
    expect(context(book).model.orderBook.byNumber.get("PO-0008")!.lines).toHaveLength(1);
  });

  it("sends again, from the workbook, an order whose send failed: same key, recognised", async () => {
    const { book, order } = newOrder(wms.url);
    wms.script = [(res) => (res.writeHead(503).end(), true)];
    const failed = await sendOrder(order, options({ attempts: 1 }));
    applyWrites(book, syncWrites(book.input(), order.number, failed));
    const again = orderFromBook(context(book).model.orderBook.byNumber.get("PO-0008")!);
    if (!again.ok) throw new Error(again.reason);
    const outcome = await sendOrder(again.order, options());
    expect(wms.received.map((r) => r.key)).toEqual(["PO-0008:1", "PO-0008:1"]);
    // The resent body is the same order: 4 × 2.5 = 10.00.
    expect(JSON.parse(wms.received[1].body)).toMatchObject({ poNumber: "PO-0008", revision: 1, total: "10.00" });
    expect(outcome.syncStatus).toBe("sent");
  });

  it("fails without throwing when the system is unreachable", async () => {
    const closed = new FakeWms();
    await closed.start();
    await closed.stop();
    const { order } = newOrder(closed.url);
    const outcome = await sendOrder(order, options({ url: closed.url }));
    expect(outcome.sent).toBe(false);
    expect(outcome.syncStatus).toMatch(/^failed: could not reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\) \(after 3 tries\)$/);
  });

  it("does not retry a refusal such as a bad signature", async () => {
    const { order } = newOrder(wms.url);
    const outcome = await sendOrder(order, options({ key: "wrong" }));
    expect(outcome).toMatchObject({ sent: false, syncStatus: "failed: HTTP 401: bad signature", attempts: 1 });
  });

  it("a second send of the same revision carries the same key and the system recognises it", async () => {
    const { order } = newOrder(wms.url);
    const repeat = { ...order, number: "PO-0042" };
    const first = await sendOrder(repeat, options());
    const second = await sendOrder(repeat, options());
    expect(wms.received.map((r) => r.key)).toEqual(["PO-0042:1", "PO-0042:1"]);
    expect(second.externalId).toBe(first.externalId);
    const next = await sendOrder({ ...repeat, revision: 2 }, options());
    expect(wms.received[2].key).toBe("PO-0042:2");
    expect(next.externalId).not.toBe(first.externalId);
  });
});
