import type { CellValue, WorkbookInput } from "../../src/core/input";
import { type PlanningModel, readModel } from "../../src/core/model";
import { isClaim } from "../../src/core/orders/claims";
import { createOrder, type NewOrderRequest } from "../../src/core/orders/create";
import { editOrder, type OrderEdit } from "../../src/core/orders/edit";
import { orderFromBook } from "../../src/core/orders/order";
import type { OrderBook } from "../../src/core/orders/purchaseOrders";
import { orderPayload } from "../../src/core/orders/sync";
import { type AcceptedOrders, type Committed, commitEdit, commitNewOrders, type Integration, type OrderStore } from "../../src/core/orders/workflow";
import { createOrders } from "../../src/core/orders/createOrders";
import type { Order } from "../../src/core/orders/order";
import { orderNow, planAll } from "../../src/core/plan";
import type { Problem } from "../../src/core/problems";
import { OfficeWorkbook } from "../../src/workbook/office";
import { TODAY } from "../helpers";
import { shop } from "../core/orders/fixture";
import { seededRandom as seeded } from "../../src/core/forecasting/random";
import { CoauthoringSession, VirtualClock } from "./coauthoring";
import type { FakeExcel, FakeTableData } from "./fakeExcel";

type Value = string | number | boolean;
const URL = "https://erp.example.com/po";
const KEY = "k";
/** Co-authors' edits reach each other within 300 ms here; the add-in reads back 1 s after writing (over 2 × 300 ms plus a write's syncs). */
const LATENCY_MS = 300;
const SETTLE_MS = 1000;

/** The orders fixture as Excel cells (blank for null), with PO sheets as plain ranges or as tables. */
function workbook(tables: boolean): { sheets: Record<string, Value[][]>; tables: FakeTableData[] } {
  const book = shop({}, { "Integration URL": URL });
  const sheets = Object.fromEntries([...book.sheets].map(([name, rows]) => [name, rows.map((row) => row.map((v) => (v ?? "") as Value))]));
  if (!tables) return { sheets, tables: [] };
  const table = (name: string, sheet: string): FakeTableData => ({ name, sheet, row: 0, col: 0, rows: sheets[sheet].length, cols: sheets[sheet][0].length });
  return { sheets, tables: [table("PurchaseOrders", "Purchase Orders"), table("POLines", "PO Lines")] };
}

interface Send {
  buyer: number;
  key: string;
  body: string;
}

/** One buyer's add-in on its own copy: the Office adapter over the fake host, waits on the shared clock. */
function addIn(copy: FakeExcel, clock: VirtualClock, random: () => number, sends: Send[], buyer: number, settleMs = SETTLE_MS) {
  const office = new OfficeWorkbook(() => copy);
  const counts = { appended: 0 };
  const store: OrderStore = {
    read: () => office.read(),
    apply: async (writes) => {
      counts.appended += writes.append.length;
      return (await office.apply(writes)).appendedRows;
    },
    settle: () => clock.sleep(settleMs),
  };
  const integration: Integration = {
    endpoint: { url: URL, key: KEY },
    transport: async (request) => {
      sends.push({ buyer, key: request.headers["Idempotency-Key"], body: request.body });
      await clock.sleep(10);
      return { status: 201, body: JSON.stringify({ id: `ERP-${sends.length}` }), truncated: false };
    },
    sign: async () => "00",
    now: () => new Date(Date.UTC(2026, 10, 23, 9) + clock.now),
    sleep: clock.sleep,
    random,
  };
  const prepare = async () => {
    const input = await office.read();
    const read = readModel(input, { today: TODAY });
    if (!read.ok) throw new Error(read.error);
    return { input, model: read.model };
  };
  return { office, store, integration, prepare, counts };
}

/** A random order of the fixture's: ACME (WIDGET, maybe GADGET) or BOLT (WIDGET), with a note or none (a blank travels nowhere, so rows mix). */
function randomOrder(random: () => number): NewOrderRequest {
  const qty = () => 1 + Math.floor(random() * 50);
  const notes = random() < 0.5 ? "rush" : undefined;
  if (random() < 0.3) return { supplier: "BOLT", lines: [{ sku: "WIDGET", quantity: qty() }], notes };
  return {
    supplier: "ACME",
    lines:
      random() < 0.5
        ? [{ sku: "WIDGET", quantity: qty() }]
        : [
            { sku: "WIDGET", quantity: qty() },
            { sku: "GADGET", quantity: qty() },
          ],
    notes,
  };
}

interface Run {
  input: WorkbookInput;
  book: OrderBook;
  /** Problems on the order sheets once everything has merged. */
  problems: Problem[];
  sends: Send[];
  converged: boolean;
}

/** Lets every edit reach every copy, then reads the workbook as all copies now hold it. */
async function finish(session: CoauthoringSession, clock: VirtualClock, sends: Send[]): Promise<Run> {
  await clock.run(session.converge());
  const cells = session.copies.map((c) => JSON.stringify(c.sheets.map((s) => s.cells.filter((row) => row.some((v) => v !== "")))));
  const input = await clock.run(new OfficeWorkbook(() => session.copies[0]).read());
  const read = readModel(input, { today: TODAY });
  if (!read.ok) throw new Error(read.error);
  const problems = read.model.problems.filter((p) => p.sheet === "Purchase Orders" || p.sheet === "PO Lines");
  return { input, book: read.model.orderBook, problems, sends, converged: cells.every((c) => c === cells[0]) };
}

/** The order as a buyer's request: what must be in the workbook once, under its final number. */
const requestOf = (order: Order): NewOrderRequest => ({ supplier: order.supplier, lines: order.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })) });

/**
 * Two buyers create orders on their copies of one workbook at about the same moment;
 * with `createAll`, the first one's is "Create orders" on every Order-now line (one
 * order per supplier and warehouse, all in one write).
 */
async function twoBuyersCreate(seed: number, tables: boolean, settleMs = SETTLE_MS, createAll = false) {
  const random = seeded(seed);
  const clock = new VirtualClock();
  const { sheets, tables: tableData } = workbook(tables);
  const session = new CoauthoringSession(sheets, tableData, { clock, random, latencyMs: LATENCY_MS });
  const sends: Send[] = [];
  const first = randomOrder(random);
  // One run in four, both buyers make the very same order (New Order on the same week line): it must still be two orders.
  const wanted = [first, random() < 0.25 ? first : randomOrder(random)];
  // Mostly at the same moment; one run in five the second buyer starts seconds later, after the first order reached it.
  const apart = random() < 0.2 ? 3000 : 0;
  let rewritten = 0;
  const prepared: string[][] = [];
  const buyers = wanted.map(async (request, i) => {
    const { store, integration, prepare, counts } = addIn(session.open(), clock, random, sends, i, settleMs);
    await clock.sleep(i * apart + Math.floor(random() * 400));
    const ctx = await prepare();
    const accepted = i === 0 && createAll ? everyOrderNowLine(ctx) : one(createOrder(ctx, request, TODAY));
    prepared[i] = accepted.orders.map((o) => o.number);
    await clock.sleep(Math.floor(random() * 300)); // the buyer reads the dialog and clicks Create
    const committed = await commitNewOrders(store, accepted, { settings: ctx.model.settings, integration, random });
    rewritten += counts.appended - accepted.writes.append.length;
    return { committed, requests: accepted.orders.map(requestOf) };
  });
  const results = await clock.run(Promise.all(buyers));
  const done = results.flatMap((r) => r.committed);
  const requests = results.flatMap((r) => r.requests);
  return { requests, done, rewritten, prepared: prepared.flat(), ...(await finish(session, clock, sends)) };
}

function one(accepted: ReturnType<typeof createOrder>): AcceptedOrders {
  if (!accepted.ok) throw new Error(accepted.reason);
  return { orders: [accepted.order], writes: accepted.writes };
}

function everyOrderNowLine(ctx: { input: WorkbookInput; model: PlanningModel }): AcceptedOrders {
  const result = createOrders(ctx, orderNow(planAll(ctx.model), ctx.model.settings), {}, TODAY);
  if (!result.ok) throw new Error(result.reason);
  return result;
}

const linesOf = (book: OrderBook, number: string) =>
  book.byNumber
    .get(number)
    ?.lines.map((l) => `${l.sku}×${l.quantity}`)
    .sort();

/** What issue 10 asks of a co-authored create: every order and line once, distinct numbers, nothing sent before it was renumbered. */
function violations(run: Awaited<ReturnType<typeof twoBuyersCreate>>): string[] {
  const { input, book, requests, done, sends } = run;
  const out: string[] = [];
  if (!run.converged) out.push("the copies did not converge");
  const numbers = done.map((d) => d.order.number);
  if (new Set(numbers).size !== numbers.length) out.push(`numbers not distinct: ${numbers}`);
  const headers = book.orders;
  const rows = grid(input, "Purchase Orders");
  const lineRows = grid(input, "PO Lines");
  if (headers.length !== 1 + requests.length || rows.length !== 1 + requests.length) out.push(`${rows.length} order rows for ${1 + requests.length} orders`);
  const lineCount = 1 + requests.reduce((n, r) => n + r.lines.length, 0);
  if (lineRows.length !== lineCount) out.push(`${lineRows.length} line rows for ${lineCount} lines`);
  requests.forEach((request, i) => {
    const want = request.lines.map((l) => `${l.sku}×${l.quantity}`).sort();
    const have = linesOf(book, numbers[i]);
    if (JSON.stringify(have) !== JSON.stringify(want)) out.push(`${numbers[i]} holds ${have} instead of ${want}`);
    const po = book.byNumber.get(numbers[i]);
    if (po?.supplier !== request.supplier) out.push(`${numbers[i]} is for ${po?.supplier}, not ${request.supplier}`);
  });
  if ([...rows, ...lineRows].some((row) => typeof row[0] === "string" && isClaim(row[0]))) out.push("a claim was left in the workbook");
  out.push(...sendViolations(book, sends, numbers));
  if (run.problems.length) out.push(...run.problems.map((p) => `${p.sheet}: ${p.message}`));
  return out;
}

/** Every key sent with one body only; each buyer's sends carry its order's final number; the workbook's final state of each order was sent. */
function sendViolations(book: OrderBook, sends: Send[], numbers: string[]): string[] {
  const out: string[] = [];
  const bodies = new Map<string, Set<string>>();
  for (const send of sends) bodies.set(send.key, (bodies.get(send.key) ?? new Set()).add(send.body));
  for (const [key, set] of bodies) if (set.size > 1) out.push(`${key} was sent with ${set.size} different bodies`);
  for (const send of sends) {
    const number = send.key.slice(0, send.key.lastIndexOf(":"));
    if (JSON.parse(send.body).poNumber !== number) out.push(`${send.key} carries PO ${JSON.parse(send.body).poNumber}`);
    if (!numbers.includes(number)) out.push(`${send.key} was sent, but no order ends with that number`);
  }
  for (const number of new Set(numbers)) {
    const po = book.byNumber.get(number);
    const now = po && orderFromBook(po);
    if (!now?.ok) continue;
    const key = `${number}:${now.order.revision}`;
    if (!bodies.get(key)?.has(orderPayload(now.order))) out.push(`${number} as the workbook holds it (revision ${now.order.revision}) was never sent`);
  }
  return out;
}

function grid(input: WorkbookInput, name: string): CellValue[][] {
  const g = input.grids.find((x) => x.name.replace(/\s/g, "").toLowerCase() === name.replace(/\s/g, "").toLowerCase())!;
  return g.values.slice(1).filter((row) => row.some((v) => v !== "" && v !== null && v !== undefined));
}

const RUNS = 150;
// A few hundred simulated runs per test.
jest.setTimeout(60_000);

describe("co-authoring: two buyers create orders at once on copies of one workbook, merged last writer wins per cell", () => {
  it.each([
    ["plain ranges", false],
    ["tables", true],
  ])("on %s, every order and line of both is there once, numbers distinct, nothing sent before it was renumbered", async (_what, tables) => {
    let created = 0;
    let present = 0;
    let collided = 0;
    let rewritten = 0;
    const failures: string[] = [];
    for (let seed = 1; seed <= RUNS; seed++) {
      const run = await twoBuyersCreate(seed, tables);
      const problems = violations(run);
      created += run.requests.length;
      present += run.requests.length - new Set(problems.filter((p) => p.includes("holds"))).size;
      if (run.prepared.filter((n) => n === "PO-0008").length > 1) collided++;
      if (run.rewritten > 0) rewritten++;
      if (problems.length) failures.push(`seed ${seed}: ${problems.join("; ")}`);
    }
    console.log(
      `co-authoring on ${_what}: ${created} orders created in ${RUNS} runs, ${present} present after; both first took PO-0008 in ${collided} runs, rows written over by the other's and written again in ${rewritten}`,
    );
    expect(failures).toEqual([]);
    // The simulation does make them collide, and also lets some runs go one after the other.
    expect(collided).toBeGreaterThan(RUNS / 2);
    expect(collided).toBeLessThan(RUNS);
    expect(rewritten).toBeGreaterThan(RUNS / 4);
  });

  it.each([
    ["plain ranges", false],
    ["tables", true],
  ])("on %s, Create orders (two orders in one write) against another buyer's order: all three there once, numbers distinct", async (_what, tables) => {
    const failures: string[] = [];
    let collided = 0;
    for (let seed = 1; seed <= RUNS / 3; seed++) {
      const run = await twoBuyersCreate(seed, tables, SETTLE_MS, true);
      // The shop's Order-now: WIDGET at MAIN and at EAST, both ACME: one order per warehouse.
      if (run.requests.length !== 3) failures.push(`seed ${seed}: ${run.requests.length} orders made`);
      if (run.prepared.filter((n) => n === "PO-0008").length > 1) collided++;
      const problems = violations(run);
      if (problems.length) failures.push(`seed ${seed}: ${problems.join("; ")}`);
    }
    expect(failures).toEqual([]);
    expect(collided).toBeGreaterThan(RUNS / 6);
  });

  it("without waiting for co-authors' changes before reading back, orders are lost or sent twice: the wait is what makes it hold", async () => {
    let broken = 0;
    for (let seed = 1; seed <= 40; seed++) if (violations(await twoBuyersCreate(seed, false, 0)).length) broken++;
    console.log(`co-authoring without the wait: ${broken} of 40 runs lose, mix or doubly send an order`);
    expect(broken).toBeGreaterThan(0);
  });
});

/** Two buyers edit the same order at about the same moment. */
async function twoBuyersEdit(seed: number): Promise<{ done: Committed[]; edits: OrderEdit[] } & Run> {
  const random = seeded(seed);
  const clock = new VirtualClock();
  const { sheets } = workbook(false);
  const session = new CoauthoringSession(sheets, [], { clock, random, latencyMs: LATENCY_MS });
  const sends: Send[] = [];
  const choices: OrderEdit[] = [
    { expectedDelivery: TODAY + 28 },
    { notes: "rush" },
    { status: "Shipped" },
    { expectedDelivery: TODAY + 35 },
    { addLines: [{ sku: "GADGET", quantity: 3 }] },
  ];
  const edits = [choices[Math.floor(random() * choices.length)], choices[Math.floor(random() * choices.length)]];
  const buyers = edits.map(async (edit, i) => {
    const { store, integration, prepare } = addIn(session.open(), clock, random, sends, i);
    await clock.sleep(Math.floor(random() * 400));
    const ctx = await prepare();
    const accepted = editOrder(ctx, "PO-0007", edit, TODAY);
    if (!accepted.ok) throw new Error(accepted.reason);
    await clock.sleep(Math.floor(random() * 300));
    return commitEdit(store, accepted, { settings: ctx.model.settings, integration, random });
  });
  const done = await clock.run(Promise.all(buyers));
  return { done, edits, ...(await finish(session, clock, sends)) };
}

describe("co-authoring: two buyers edit one order at once", () => {
  it("never send one Revision with two contents, and the order as the workbook holds it is the one sent last", async () => {
    const failures: string[] = [];
    let bothSaved = 0;
    for (let seed = 1; seed <= RUNS; seed++) {
      const run = await twoBuyersEdit(seed);
      const problems = [...sendViolations(run.book, run.sends, ["PO-0007"]), ...run.problems.map((p) => p.message), ...(run.converged ? [] : ["the copies did not converge"])];
      for (const d of run.done) if (d.refused && !/was changed meanwhile/.test(d.refused)) problems.push(`refused: ${d.refused}`);
      if (run.done.every((d) => !d.refused)) bothSaved++;
      if (problems.length) failures.push(`seed ${seed} (${JSON.stringify(run.edits)}): ${problems.join("; ")}`);
    }
    console.log(`concurrent edits: ${RUNS} runs, both edits saved in ${bothSaved}, the later one refused as changed meanwhile in the others`);
    expect(failures).toEqual([]);
    expect(bothSaved).toBeGreaterThan(0);
  });
});
