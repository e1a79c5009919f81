import { deserialize, serialize } from "node:v8";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { FrontMatter, ParsedDocument } from "../model/page.ts";

/** A document as the documents table keeps it: parsed, without its body. */
export interface StoredDoc {
  readonly doc: Omit<ParsedDocument, "body" | "bodyKey">;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * JSON text for a stored document. Every build reads every row (10,000 at 10,000 pages), and
 * `JSON.parse` took a third of the time of `v8.deserialize` on them. Front matter is the only
 * part with values JSON cannot carry: dates, and (from YAML's `.inf`/`.nan`) numbers that are
 * not finite. Those travel as a number or a name, and `special` lists where they sit in
 * `params`, so reading revives exactly them and never walks a document that has none. A
 * value JSON has no form for at all (a Map or Set from a YAML tag) keeps the whole document
 * in `v8.serialize` form, behind a prefix.
 */
interface Encoded {
  readonly doc: Omit<StoredDoc["doc"], "frontMatter"> & {
    /** Dates as their time; an invalid date's time (NaN) is written as null. */
    readonly frontMatter: Omit<FrontMatter, "date" | "lastmod"> & {
      date?: number | null;
      lastmod?: number | null;
    };
  };
  readonly diagnostics: readonly Diagnostic[];
  /** Path inside `params`, and what stood there. */
  readonly special?: ReadonlyArray<readonly [ReadonlyArray<string | number>, Special]>;
}

type Special = { readonly date: number | null } | { readonly number: "Infinity" | "-Infinity" | "NaN" };

const V8 = "v8:";

class Exotic extends Error {}

export function encodeDoc(stored: StoredDoc): string {
  const { frontMatter: fm, ...doc } = stored.doc;
  const special: Array<readonly [Array<string | number>, Special]> = [];
  let params: FrontMatter["params"];
  try {
    params = plain(fm.params, [], special) as FrontMatter["params"];
  } catch (error) {
    if (!(error instanceof Exotic)) throw error;
    return V8 + Buffer.from(serialize(stored)).toString("base64");
  }
  const { date, lastmod, ...rest } = fm;
  const frontMatter: Encoded["doc"]["frontMatter"] = {
    ...rest,
    params,
    ...(date ? { date: timeOf(date) } : {}),
    ...(lastmod ? { lastmod: timeOf(lastmod) } : {}),
  };
  const encoded: Encoded = {
    doc: { ...doc, frontMatter },
    diagnostics: stored.diagnostics,
    ...(special.length > 0 ? { special } : {}),
  };
  return JSON.stringify(encoded);
}

export function decodeDoc(text: string): StoredDoc {
  if (text.startsWith(V8)) return deserialize(Buffer.from(text.slice(V8.length), "base64")) as StoredDoc;
  const encoded = JSON.parse(text) as Encoded;
  const { date, lastmod, ...fm } = encoded.doc.frontMatter;
  const params = fm.params as Record<string, unknown>;
  for (const [path, value] of encoded.special ?? []) place(params, path, revive(value));
  const frontMatter: FrontMatter = {
    ...fm,
    ...(date !== undefined ? { date: new Date(date ?? Number.NaN) } : {}),
    ...(lastmod !== undefined ? { lastmod: new Date(lastmod ?? Number.NaN) } : {}),
  };
  return { doc: { ...encoded.doc, frontMatter }, diagnostics: encoded.diagnostics };
}

/** `value` with every date and non-finite number replaced by null, their places noted. */
function plain(
  value: unknown,
  path: Array<string | number>,
  special: Array<readonly [Array<string | number>, Special]>,
): unknown {
  if (value instanceof Date) {
    special.push([path, { date: timeOf(value) }]);
    return null;
  }
  if (typeof value === "number" && !Number.isFinite(value)) {
    special.push([path, { number: String(value) as "Infinity" | "-Infinity" | "NaN" }]);
    return null;
  }
  if (Array.isArray(value)) return value.map((v, i) => plain(v, [...path, i], special));
  if (value !== null && typeof value === "object") {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) throw new Exotic();
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = plain(v, [...path, k], special);
    return out;
  }
  return value;
}

function timeOf(date: Date): number | null {
  const time = date.getTime();
  return Number.isNaN(time) ? null : time;
}

function revive(value: Special): Date | number {
  return "date" in value ? new Date(value.date ?? Number.NaN) : Number(value.number);
}

function place(root: Record<string, unknown>, path: ReadonlyArray<string | number>, value: unknown): void {
  let at: Record<string | number, unknown> = root;
  for (let i = 0; i < path.length - 1; i++) at = at[path[i]!] as Record<string | number, unknown>;
  at[path[path.length - 1]!] = value;
}
