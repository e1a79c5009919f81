/** The attributes a scan keeps: those link extraction and namespace tracking read. */
export type ScannedAttribute =
  | "href"
  | "src"
  | "srcset"
  | "rel"
  | "id"
  | "name"
  | "color"
  | "size"
  | "face"
  | "encoding";

const SLOTS: Readonly<Record<ScannedAttribute, number>> = {
  href: 0,
  src: 1,
  srcset: 2,
  rel: 3,
  id: 4,
  name: 5,
  color: 6,
  size: 7,
  face: 8,
  encoding: 9,
};
const SLOT_COUNT = 10;
const SLOT_NAMES = Object.keys(SLOTS) as ScannedAttribute[];
/** `nameHash` of each slot's name: one comparison per slot rules out almost every attribute. */
const SLOT_HASHES = Int32Array.from(SLOT_NAMES, (name) => nameHash(name));

/** The hash `readTag` computes over a name as it reads it (ASCII letters folded to lower case). */
function nameHash(name: string): number {
  let hash = 0;
  for (let k = 0; k < name.length; k++) hash = (Math.imul(hash, 31) + (name.charCodeAt(k) | 0x20)) | 0;
  return hash;
}

/**
 * A start tag as the HTML tokenizer sees it. One object is reused for every tag of a scan:
 * a visitor reads what it needs and keeps nothing.
 */
export interface StartTag {
  /** Lower-cased, as in the DOM. */
  name: string;
  selfClosing: boolean;
  /** One bit per `ScannedAttribute` slot present (a repeated attribute is ignored, as in HTML). */
  present: number;
  /** Per slot, where its raw value starts and ends in `text` (equal for a bare attribute). */
  readonly bounds: Int32Array;
  readonly text: string;
}

/** The raw value (character references not decoded) of an attribute, `null` when absent. */
export function attribute(tag: StartTag, name: ScannedAttribute): string | null {
  const slot = SLOTS[name];
  if ((tag.present & (1 << slot)) === 0) return null;
  return tag.text.slice(tag.bounds[2 * slot]!, tag.bounds[2 * slot + 1]!);
}

const TAB = 9;
const LF = 10;
const FF = 12;
const CR = 13;
const SPACE = 32;
const DQ = 34;
const SQ = 39;
const SLASH = 47;
const EQ = 61;
const GT = 62;

const isSpace = (c: number) => c === SPACE || c === LF || c === TAB || c === CR || c === FF;

export function newStartTag(text: string): StartTag {
  return { name: "", selfClosing: false, present: 0, bounds: new Int32Array(2 * SLOT_COUNT), text };
}

/**
 * Reads a tag's name (unless not `named`) and attributes from `start` (its first name character)
 * into `tag`; returns the index after its `>`, or -1 when the text ends first.
 */
export function readTag(html: string, start: number, tag: StartTag, named = true): number {
  const n = html.length;
  let i = start;
  let hash = 0;
  for (; i < n; i++) {
    const c = html.charCodeAt(i);
    if (isSpace(c) || c === SLASH || c === GT) break;
    hash = (Math.imul(hash, 31) + (c | 0x20)) | 0;
  }
  tag.name = named ? (knownName(html, start, i, hash) ?? html.slice(start, i).toLowerCase()) : "";
  tag.selfClosing = false;
  tag.present = 0;
  for (;;) {
    while (i < n && isSpace(html.charCodeAt(i))) i++;
    if (i >= n) return -1;
    let c = html.charCodeAt(i);
    if (c === GT) return i + 1;
    if (c === SLASH) {
      if (i + 1 >= n) return -1;
      if (html.charCodeAt(i + 1) === GT) {
        tag.selfClosing = true;
        return i + 2;
      }
      i++;
      continue;
    }
    // An attribute name runs to whitespace, `/`, `>` or `=`; a leading `=` belongs to it.
    const nameStart = i;
    let hash = html.charCodeAt(i++) | 0x20 | 0;
    for (; i < n; i++) {
      c = html.charCodeAt(i);
      if (isSpace(c) || c === SLASH || c === GT || c === EQ) break;
      hash = (Math.imul(hash, 31) + (c | 0x20)) | 0;
    }
    const nameEnd = i;
    while (i < n && isSpace(html.charCodeAt(i))) i++;
    if (i >= n) return -1;
    let valueStart = i;
    let valueEnd = i;
    if (html.charCodeAt(i) === EQ) {
      i++;
      while (i < n && isSpace(html.charCodeAt(i))) i++;
      if (i >= n) return -1;
      c = html.charCodeAt(i);
      if (c === DQ || c === SQ) {
        const close = html.indexOf(c === DQ ? '"' : "'", i + 1);
        if (close < 0) return -1;
        valueStart = i + 1;
        valueEnd = close;
        i = close + 1;
      } else if (c !== GT) {
        valueStart = i;
        for (; i < n; i++) {
          c = html.charCodeAt(i);
          if (isSpace(c) || c === GT) break;
        }
        if (i >= n) return -1;
        valueEnd = i;
      }
    }
    const slot = slotOf(html, nameStart, nameEnd, hash);
    if (slot >= 0 && (tag.present & (1 << slot)) === 0) {
      tag.present |= 1 << slot;
      tag.bounds[2 * slot] = valueStart;
      tag.bounds[2 * slot + 1] = valueEnd;
    }
  }
}

/**
 * Element names a page is made of, handed out without slicing the text: taking a substring for
 * every tag was ~40% of a scan.
 */
const KNOWN = new Map<number, string>();
for (const name of (
  "a abbr address area article aside audio b base blockquote body br button canvas caption circle cite code col " +
  "colgroup dd del desc details dfn dialog div dl dt em embed fieldset figcaption figure footer form g h1 h2 h3 " +
  "h4 h5 h6 head header hr html i iframe img input ins kbd label legend li line link main mark math menu meta " +
  "nav noembed noframes noscript ol optgroup option p path picture plaintext polygon polyline pre q rect s " +
  "samp script section select small source span strong style sub summary sup svg table tbody td template " +
  "textarea tfoot th thead time title tr track u ul use var video wbr xmp"
).split(" ")) {
  const hash = nameHash(name);
  if (!KNOWN.has(hash)) KNOWN.set(hash, name);
}

/** The known name that `start..end` spells in any case, if any. */
function knownName(html: string, start: number, end: number, hash: number): string | undefined {
  const name = KNOWN.get(hash);
  if (name === undefined || name.length !== end - start) return undefined;
  for (let k = 0; k < name.length; k++) {
    const c = html.charCodeAt(start + k);
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== name.charCodeAt(k)) return undefined;
  }
  return name;
}

/** The `ScannedAttribute` slot of the name at `start..end` (any case), -1 for any other name. */
function slotOf(html: string, start: number, end: number, hash: number): number {
  for (let slot = 0; slot < SLOT_COUNT; slot++) {
    if (SLOT_HASHES[slot] === hash) {
      const name = SLOT_NAMES[slot]!;
      return name.length === end - start && spells(html, start, name) ? slot : -1;
    }
  }
  return -1;
}

/** Whether the text at `start` spells the lower-case ASCII `word` in any case. */
function spells(html: string, start: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    if ((html.charCodeAt(start + k) | 0x20) !== word.charCodeAt(k)) return false;
  }
  return true;
}
