import { createHmac } from "node:crypto";
import { createOrder } from "../../../src/core/orders/create";
import { orderFromBook } from "../../../src/core/orders/order";
import { destination } from "../../../src/core/orders/endpoint";
import { type HttpAnswer, type HttpRequest, type SendOptions, sendOrder, syncWrites, type Transport } from "../../../src/core/orders/sync";
import { fetchTransport, webCryptoSigner } from "../../../src/integration/http";
import { TODAY } from "../../helpers";
import { FakeWms } from "../../integration/wms";
import { applyWrites, context, records, shop } from "./fixture";

const KEY = "s3cret-integration-key";
const NOW = new Date("2026-11-23T10:30:00.000Z");

function newOrder(url: string) {
  const book = shop({}, { "Integration URL": url });
  const result = createOrder(context(book), { supplier: "ACME", lines: [{ sku: "WIDGET", quantity: 4 }] }, TODAY);
  if (!result.ok) throw new Error(result.reason);
  applyWrites(book, result.writes);
  return { book, order: result.order };
}

describe("sending an order to a WMS", () => {
  const wms = new FakeWms(KEY, () => NOW);
  const delays: number[] = [];
  const options = (extra: Partial<SendOptions> = {}): SendOptions => ({
    url: wms.url,
    key: KEY,
    transport: fetchTransport(),
    sign: webCryptoSigner(),
    now: () => NOW,
    sleep: async (ms) => void delays.push(ms),
    random: () => 1, // the longest wait of each step: 100, then 200
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
    // t = 2026-11-23T10:30:00Z in unix seconds; v1 = HMAC-SHA256 of "1795429800.PO-0008:1.<body>" under the key.
    expect(wms.received[0].signature).toBe(`t=1795429800,v1=${createHmac("sha256", KEY).update(`1795429800.PO-0008:1.${wms.received[0].body}`).digest("hex")}`);
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
    const closed = new FakeWms(KEY);
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

describe("the send's policy (a transport that answers as scripted)", () => {
  const { order } = newOrder("https://erp.example.com/po");
  function scripted(answers: (Partial<HttpAnswer> | Error)[]) {
    const requests: HttpRequest[] = [];
    const delays: number[] = [];
    let clock = NOW.getTime();
    const transport: Transport = async (request) => {
      requests.push(request);
      const next = answers.shift() ?? { status: 200 };
      if (next instanceof Error) throw next;
      return { status: 200, body: "", truncated: false, ...next };
    };
    const options: SendOptions = {
      url: "https://erp.example.com/po",
      key: KEY,
      transport,
      sign: webCryptoSigner(),
      now: () => new Date(clock),
      sleep: async (ms) => {
        delays.push(ms);
        clock += ms;
      },
      random: () => 0,
      attempts: 5,
      backoffMs: 1000,
    };
    return { requests, delays, options };
  }

  it("waits with jitter: half the backoff at the least, doubling", async () => {
    const { delays, options } = scripted([{ status: 503 }, { status: 503 }, { status: 503 }]);
    expect((await sendOrder(order, options)).attempts).toBe(4);
    // random() = 0: 1000 × 0.5, then 2000 × 0.5, then 4000 × 0.5.
    expect(delays).toEqual([500, 1000, 2000]);
  });

  it("honours Retry-After in seconds and as a date, capped at 30 s", async () => {
    const { delays, options } = scripted([
      { status: 429, retryAfter: "7" },
      { status: 503, retryAfter: "Mon, 23 Nov 2026 10:30:12 GMT" },
      { status: 503, retryAfter: "3600" },
    ]);
    const outcome = await sendOrder(order, { ...options, totalMs: 120_000 });
    // 7 s; then the date 12 s after the start, which is 5 s after the first wait; then an hour, capped to 30 s.
    expect(delays).toEqual([7000, 5000, 30_000]);
    expect(outcome.sent).toBe(true);
  });

  it("stops within the total time: a wait that would end after it is not begun", async () => {
    const { requests, options } = scripted([
      { status: 503, retryAfter: "20" },
      { status: 503, retryAfter: "20" },
      { status: 503, retryAfter: "20" },
    ]);
    const outcome = await sendOrder(order, { ...options, totalMs: 45_000 });
    // Tries at 0, 20 and 40 s, the last with the 5 s left as its timeout; the next would begin at 60 s, over the 45 s allowed.
    expect(requests.map((r) => r.timeoutMs)).toEqual([10_000, 10_000, 5_000]);
    expect(outcome.syncStatus).toBe("failed: HTTP 503 (gave up after 3 tries in 40 s: the next was due after the 45 s allowed)");
  });

  it("sends the same key and body on every try, signed anew with each try's time", async () => {
    const { requests, options } = scripted([new Error("could not reach erp.example.com (ECONNRESET)"), { status: 502 }, { status: 201 }]);
    await sendOrder(order, options);
    expect(new Set(requests.map((r) => r.body)).size).toBe(1);
    expect(new Set(requests.map((r) => r.headers["Idempotency-Key"]))).toEqual(new Set(["PO-0008:1"]));
    expect(requests.map((r) => r.headers["X-Planster-Signature"].slice(0, 13))).toEqual(["t=1795429800,", "t=1795429800,", "t=1795429801,"]);
    expect(requests.every((r) => r.maxAnswerBytes === 64 * 1024)).toBe(true);
  });

  it.each([
    [{ status: 307 }, "failed: the integration answered with a redirect (HTTP 307), which is never followed: check the URL stored in Settings"],
    [{ status: 0, redirect: true }, "failed: the integration answered with a redirect, which is never followed: check the URL stored in Settings"],
  ])("fails a redirect without trying again: %j", async (answer, status) => {
    const { requests, options } = scripted([answer]);
    expect(await sendOrder(order, options)).toMatchObject({ sent: false, syncStatus: status });
    expect(requests).toHaveLength(1);
  });

  it.each([
    [{ body: JSON.stringify({ id: "ERP-7" }) }, "ERP-7", undefined],
    [{ body: JSON.stringify({ id: 42 }) }, "42", undefined],
    [{ body: JSON.stringify({ id: "x".repeat(256) }) }, "", "The answer's id is longer than 255 characters, so it was not taken as External ID."],
    [{ body: JSON.stringify({ id: "ERP\u202e7" }) }, "", "The answer's id holds characters that are not printable, so it was not taken as External ID."],
    [{ body: JSON.stringify({ id: { nested: 1 } }) }, "", "The answer's id is not text or a number, so it was not taken as External ID."],
    [{ body: '{"id": "ERP-', truncated: true }, "", "The answer was longer than 64 KB, so no External ID was taken from it."],
    [{ body: "OK" }, "", undefined],
  ])("takes the answer's id as External ID only when it is short printable text: %j", async (answer, externalId, note) => {
    const { options } = scripted([answer]);
    const outcome = await sendOrder(order, options);
    expect(outcome).toMatchObject({ sent: true, syncStatus: "sent", externalId });
    expect(outcome.note).toBe(note);
  });

  it("refuses to send to a URL that is not https (plain http only to this machine), trying nothing", async () => {
    const { requests, options } = scripted([]);
    expect(await sendOrder(order, { ...options, url: "http://erp.example.com/po" })).toMatchObject({ sent: false, attempts: 0 });
    expect(requests).toEqual([]);
  });

  it("keeps a refusal's text short, on one line, without control characters", async () => {
    const { options } = scripted([{ status: 400, body: `bad\u0000\r\n  request${"!".repeat(500)}` }]);
    const { syncStatus } = await sendOrder(order, options);
    // "bad request" and 109 "!": 120 characters.
    expect(syncStatus).toBe(`failed: HTTP 400: bad request${"!".repeat(109)}`);
  });
});

describe("where signed orders go", () => {
  const stored = { url: "https://erp.example.com/po", key: KEY };
  it.each([
    ["", stored, { kind: "none" }],
    ["https://erp.example.com/po", undefined, { kind: "unsent" }],
    ["https://ERP.example.com:443/po", stored, { kind: "send", url: stored.url, key: KEY }],
    ["https://erp.example.com/po/", stored, { kind: "mismatch" }],
    ["https://evil.example/po", stored, { kind: "mismatch", workbookUrl: "https://evil.example/po", storedUrl: stored.url }],
  ])("a workbook naming %j with %j stored: %j", (workbookUrl, endpoint, expected) => {
    expect(destination(workbookUrl, endpoint)).toMatchObject(expected);
  });

  it("says why a mismatch sends nothing, without the key", () => {
    const answer = destination("https://evil.example/po", stored);
    expect(answer).toMatchObject({
      reason:
        "This workbook asks for orders to be sent to https://evil.example/po, but the integration stored on this machine is for https://erp.example.com/po: nothing was sent.",
    });
    expect(JSON.stringify(answer)).not.toContain(KEY);
  });
});
