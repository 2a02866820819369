/**
 * The XML of an .xlsx package, read and written without a DOM: a streaming
 * tokenizer that checks that elements nest (so a damaged part is noticed, not read
 * as empty), a small tree for the little parts, and the escapes OOXML text uses.
 * Pure TypeScript: the browser's "new workbook" uses the writing half.
 */

/** A part is not well-formed XML; the message says where. */
export class XmlError extends Error {}

const ENTITY: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Entity references (`&amp;`, `&#10;`) resolved; anything else is left as written. */
export function decodeEntities(text: string): string {
  if (text.indexOf("&") < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref[0] !== "#") return ENTITY[ref] ?? whole;
    const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** OOXML's `_xHHHH_` escapes in cell text (Excel writes a line feed in a string as `_x000A_` at times, a `_` before `x` as `_x005F_`). */
export function decodeEscapes(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

// eslint-disable-next-line no-control-regex -- control characters are what XML 1.0 cannot hold
const UNSAFE = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_x[0-9a-fA-F]{4}_/g;

function escapeOne(found: string): string {
  if (found === "&") return "&amp;";
  if (found === "<") return "&lt;";
  if (found === ">") return "&gt;";
  // `_x0041_` typed by a user must not read back as `A`: its `_` is escaped.
  if (found.length > 1) return `_x005F_${found.slice(1)}`;
  return `_x${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`;
}

/** Cell text as element content, every character kept (control characters as `_xHHHH_`). */
export function escapeText(text: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text) ? text.replace(UNSAFE, escapeOne) : text;
}

/** A value inside double quotes. */
export function escapeAttr(text: string): string {
  // eslint-disable-next-line no-control-regex -- see UNSAFE
  return text.replace(/[&<>"\u0000-\u001f]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : `&#${c.charCodeAt(0)};`));
}

/** Single-character names as one string each: most names in a sheet are `c`, `v`, `r`, `s` or `t`. */
const ONE_CHAR = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

/** The local name of `s[from, to)` (`x:c` → `c`): some producers write a namespace prefix on every element. */
function nameAt(s: string, from: number, to: number, colon: number): string {
  if (colon >= 0) from = colon + 1;
  if (to - from === 1) {
    const c = s.charCodeAt(from);
    if (c < 128) return ONE_CHAR[c];
  }
  return s.slice(from, to);
}

/**
 * What a tokenizer tells its reader. Attribute values arrive with their entities
 * resolved; `start` and `end` locate the tag in the text being scanned (the `s` of the
 * last `begin`), for a reader that copies the text it does not change.
 */
export interface XmlHandler {
  open(name: string, attrs: Attrs, selfClosing: boolean, start: number, end: number): void;
  close(name: string, start: number, end: number): void;
  /**
   * Character data between tags: `s.slice(from, to)`, entities not resolved (most text
   * is never looked at, so it is not cut out unless the reader wants it).
   */
  text(s: string, from: number, to: number, cdata: boolean): void;
  /** The text about to be scanned: what was held back from the last piece, then the new piece. */
  begin?(s: string): void;
  /** `s.slice(0, used)` has been scanned; the rest is held back for the next piece. */
  consumed?(used: number): void;
}

/**
 * The attributes of the tag being reported, valid only during the `open` call. They
 * are located, not copied: a reader takes only those it wants (a sheet has millions of
 * `r` and `s` attributes, and as many `spans` nobody reads).
 */
export class Attrs {
  /** The text the tag is in. */
  s = "";
  count = 0;
  private readonly nameFrom: number[] = [];
  private readonly nameTo: number[] = [];
  private readonly valueFrom: number[] = [];
  private readonly valueTo: number[] = [];

  add(nameFrom: number, nameTo: number, valueFrom: number, valueTo: number): void {
    const k = this.count++;
    this.nameFrom[k] = nameFrom;
    this.nameTo[k] = nameTo;
    this.valueFrom[k] = valueFrom;
    this.valueTo[k] = valueTo;
  }

  private find(name: string): number {
    const s = this.s;
    const length = name.length;
    for (let k = 0; k < this.count; k++) {
      const from = this.nameFrom[k];
      if (this.nameTo[k] - from !== length) continue;
      let i = 0;
      while (i < length && s.charCodeAt(from + i) === name.charCodeAt(i)) i++;
      if (i === length) return k;
    }
    return -1;
  }

  get(name: string): string | undefined {
    const k = this.find(name);
    if (k < 0) return undefined;
    const raw = this.s.slice(this.valueFrom[k], this.valueTo[k]);
    return raw.indexOf("&") < 0 ? raw : decodeEntities(raw);
  }

  /** A whole number attribute read in place; `fallback` when absent or not digits. */
  int(name: string, fallback: number): number {
    const k = this.find(name);
    if (k < 0) return fallback;
    const s = this.s;
    const from = this.valueFrom[k];
    const to = this.valueTo[k];
    if (to === from || to - from > 15) return fallback;
    let n = 0;
    for (let i = from; i < to; i++) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return fallback;
      n = n * 10 + c;
    }
    return n;
  }

  /** Row and column of the last `cell` read. */
  row = 0;
  col = 0;

  /**
   * A cell name attribute (`r="AB12"`) read in place into `row` and `col` (zero-based):
   * 0 when absent, 1 when read, 2 when it is no cell name.
   */
  cell(name: string): 0 | 1 | 2 {
    const k = this.find(name);
    if (k < 0) return 0;
    const s = this.s;
    const to = this.valueTo[k];
    let i = this.valueFrom[k];
    let col = 0;
    let letters = 0;
    for (; i < to; i++) {
      const c = s.charCodeAt(i);
      if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
      else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
      else break;
      if (++letters > 3) return 2;
    }
    if (letters === 0 || i === to || to - i > 8) return 2;
    let row = 0;
    for (; i < to; i++) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return 2;
      row = row * 10 + c;
    }
    this.row = row - 1;
    this.col = col - 1;
    return 1;
  }

  /** Copied out, for the rare element that must be kept. */
  toRecord(): Record<string, string> {
    const out: Record<string, string> = {};
    for (let k = 0; k < this.count; k++) out[this.s.slice(this.nameFrom[k], this.nameTo[k])] = this.get(this.s.slice(this.nameFrom[k], this.nameTo[k]))!;
    return out;
  }
}

/**
 * The longest tag, comment or CDATA section the tokenizer holds while waiting for its
 * end: none of a workbook's comes near (a cell's text is at most 32,767 characters).
 * Text is not held: it is handed on as it comes.
 */
export const LONGEST_TOKEN = 4 * 1024 * 1024;
/** Elements nest no deeper than this in any part Excel writes. */
const DEEPEST = 256;

const enum Ch {
  Lt = 60,
  Gt = 62,
  Slash = 47,
  Bang = 33,
  Question = 63,
  Eq = 61,
  Quote = 34,
  Apos = 39,
  Colon = 58,
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/**
 * Streaming XML tokenizer: feed text in pieces of any size, then `end()`. Element names
 * are local names. Throws XmlError where the text is not XML (tags that do not nest or
 * close, a DOCTYPE, text outside the root, a token beyond LONGEST_TOKEN).
 */
export class XmlTokenizer {
  private pending = "";
  private readonly stack: string[] = [];
  private rootSeen = false;
  private readonly attrs = new Attrs();
  /** Characters consumed before `pending`, for messages. */
  private offset = 0;

  constructor(private readonly handler: XmlHandler) {}

  write(chunk: string): void {
    const text = this.pending.length > 0 ? this.pending + chunk : chunk;
    this.handler.begin?.(text);
    const used = this.scan(text);
    this.handler.consumed?.(used);
    this.offset += used;
    this.pending = used < text.length ? text.slice(used) : "";
    if (this.pending.length > LONGEST_TOKEN) this.fail(`a tag, comment or CDATA section of more than ${LONGEST_TOKEN.toLocaleString("en-US")} characters`);
  }

  end(): void {
    if (this.pending.trim().length > 0) this.fail("it ends in the middle of a tag");
    if (this.stack.length > 0) this.fail(`<${this.stack[this.stack.length - 1]}> is never closed (the part is cut short)`);
    if (!this.rootSeen) this.fail("it holds no element");
  }

  private fail(what: string, at = 0): never {
    throw new XmlError(`not well-formed XML: ${what}${at ? ` (near character ${this.offset + at})` : ""}`);
  }

  /** Consumes whole tokens of `s`; answers how many characters were used. */
  private scan(s: string): number {
    const h = this.handler;
    const stack = this.stack;
    let pos = 0;
    const n = s.length;
    while (pos < n) {
      const lt = s.indexOf("<", pos);
      if (lt < 0) {
        // Text up to the end goes on now (a run of megabytes of it must not be held and
        // scanned again); only an entity cut in two waits for the rest of it.
        const amp = s.lastIndexOf("&");
        const cut = amp >= pos && amp > n - 12 && s.indexOf(";", amp) < 0 ? amp : n;
        if (cut > pos) {
          if (stack.length === 0) {
            if (!isBlankText(s, pos, cut)) this.fail("text outside the root element", pos);
          } else h.text(s, pos, cut, false);
        }
        return cut;
      }
      if (lt > pos) {
        if (stack.length === 0) {
          if (!isBlankText(s, pos, lt)) this.fail("text outside the root element", pos);
        } else h.text(s, pos, lt, false);
      }
      if (lt + 1 >= n) return lt;
      const c1 = s.charCodeAt(lt + 1);
      if (c1 === Ch.Slash) {
        // `</c>`, `</v>`: the commonest tags of a sheet, a name of one character.
        if (lt + 3 < n && s.charCodeAt(lt + 3) === Ch.Gt) {
          const name = ONE_CHAR[s.charCodeAt(lt + 2)] ?? s[lt + 2];
          const open = stack.pop();
          if (open !== name) this.fail(open === undefined ? `</${name}> closes nothing` : `<${open}> is closed by </${name}>`, lt);
          h.close(name, lt, lt + 4);
          pos = lt + 4;
          continue;
        }
        const gt = s.indexOf(">", lt + 2);
        if (gt < 0) return lt;
        let end = gt;
        while (end > lt + 2 && isSpace(s.charCodeAt(end - 1))) end--;
        let colon = -1;
        for (let k = lt + 2; k < end; k++) if (s.charCodeAt(k) === Ch.Colon) colon = k;
        const name = nameAt(s, lt + 2, end, colon);
        const open = stack.pop();
        if (open !== name) this.fail(open === undefined ? `</${name}> closes nothing` : `<${open}> is closed by </${name}>`, lt);
        h.close(name, lt, gt + 1);
        pos = gt + 1;
        continue;
      }
      if (c1 === Ch.Question) {
        const end = s.indexOf("?>", lt + 2);
        if (end < 0) return lt;
        pos = end + 2;
        continue;
      }
      if (c1 === Ch.Bang) {
        if (s.startsWith("<!--", lt)) {
          const end = s.indexOf("-->", lt + 4);
          if (end < 0) return lt;
          pos = end + 3;
          continue;
        }
        if (s.startsWith("<![CDATA[", lt)) {
          const end = s.indexOf("]]>", lt + 9);
          if (end < 0) return lt;
          if (stack.length === 0) this.fail("text outside the root element", lt);
          h.text(s, lt + 9, end, true);
          pos = end + 3;
          continue;
        }
        if (n - lt < 9) return lt;
        this.fail("a DOCTYPE or other declaration, which no workbook part has", lt);
      }
      const end = this.tag(s, lt);
      if (end < 0) return lt;
      pos = end;
    }
    return pos;
  }

  /** Reads the start tag at `lt`; answers the index after it, or -1 when it is not complete in `s`. */
  private tag(s: string, lt: number): number {
    const n = s.length;
    let i = lt + 1;
    let colon = -1;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c <= 32 || c === Ch.Gt || c === Ch.Slash) break;
      if (c === Ch.Colon) colon = i;
      i++;
    }
    if (i >= n) return -1;
    if (i === lt + 1) this.fail("a tag without a name", lt);
    const name = nameAt(s, lt + 1, i, colon);
    const attrs = this.attrs;
    attrs.s = s;
    attrs.count = 0;
    for (;;) {
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return -1;
      const c = s.charCodeAt(i);
      if (c === Ch.Gt || c === Ch.Slash) {
        const selfClosing = c === Ch.Slash;
        if (selfClosing) {
          if (i + 1 >= n) return -1;
          if (s.charCodeAt(i + 1) !== Ch.Gt) this.fail(`a stray "/" in <${name}>`, i);
          i++;
        }
        this.element(name, selfClosing, lt, i + 1);
        return i + 1;
      }
      const nameStart = i;
      let attrColon = -1;
      while (i < n) {
        const d = s.charCodeAt(i);
        if (d === Ch.Eq || d <= 32 || d === Ch.Gt || d === Ch.Slash) break;
        if (d === Ch.Colon) attrColon = i;
        i++;
      }
      if (i >= n) return -1;
      const nameEnd = i;
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return -1;
      if (s.charCodeAt(i) !== Ch.Eq) this.fail(`attribute ${s.slice(nameStart, nameEnd)} of <${name}> has no value`, i);
      i++;
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return -1;
      const quote = s.charCodeAt(i);
      if (quote !== Ch.Quote && quote !== Ch.Apos) this.fail(`attribute ${s.slice(nameStart, nameEnd)} of <${name}> is not quoted`, i);
      const close = s.indexOf(quote === Ch.Quote ? '"' : "'", i + 1);
      if (close < 0) return -1;
      const lt2 = s.indexOf("<", i + 1);
      if (lt2 >= 0 && lt2 < close) this.fail(`a "<" inside attribute ${s.slice(nameStart, nameEnd)} of <${name}>`, i);
      // Attribute names compare without their prefix (`r:id` is `id`), as element names do.
      attrs.add(attrColon >= 0 ? attrColon + 1 : nameStart, nameEnd, i + 1, close);
      i = close + 1;
    }
  }

  private element(name: string, selfClosing: boolean, at: number, end: number): void {
    const stack = this.stack;
    if (stack.length === 0) {
      if (this.rootSeen) this.fail(`a second root element <${name}>`, at);
      this.rootSeen = true;
    }
    this.handler.open(name, this.attrs, selfClosing, at, end);
    if (selfClosing) this.handler.close(name, at, end);
    else {
      if (stack.length >= DEEPEST) this.fail(`elements nested more than ${DEEPEST} deep`, at);
      stack.push(name);
    }
  }
}

function isBlankText(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(s.charCodeAt(i)) && s.charCodeAt(i) !== 0xfeff) return false;
  return true;
}

/** An element of a small part, kept whole. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Its own text (entities resolved). */
  text: string;
}

/** Parses a small part (workbook, relationships, styles, a table) into a tree. */
export function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: "", attrs: {}, children: [], text: "" };
  const open: XmlElement[] = [root];
  const tokenizer = new XmlTokenizer({
    open(name, attrs) {
      const element: XmlElement = { name, attrs: attrs.toRecord(), children: [], text: "" };
      open[open.length - 1].children.push(element);
      open.push(element);
    },
    close() {
      open.pop();
    },
    text(s, from, to, cdata) {
      const raw = s.slice(from, to);
      open[open.length - 1].text += cdata ? raw : decodeEntities(raw);
    },
  });
  tokenizer.write(text);
  tokenizer.end();
  return root.children[0];
}

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c) => c.name === name);
}

export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  return element ? element.children.filter((c) => c.name === name) : [];
}
