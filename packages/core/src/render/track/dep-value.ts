import type { Page } from "../../model/page.ts";
import type { Pager, SiteIndex } from "../../model/site.ts";

/**
 * Dependency keys recorded while rendering, and the value each had. A render is still valid
 * when every key it recorded has the same value in the new index; the keys are:
 *   meta:<id> body:<id> section:<key> src:<path> url:<url> file:<sitePath> asset:<rel> layout:<name>
 *   pager:<outputPath> (which items a list page shows)
 *   pages* sections* urls* sources* regular taxonomies menu aliases drafts targets
 */
export type Deps = Record<string, string>;

export const MISSING = "-";

export interface DepEnvironment {
  readonly index: SiteIndex;
  /** Final URL of an asset (fingerprinted), and whether it exists. */
  assetValue(rel: string): string;
  /** Identity and content of the layout providing `name` (and the helper files layouts import). */
  layoutValue(name: string): string;
  fileExists(sitePath: string): boolean;
}

/** Computes the current value of a dependency key, memoised per environment. */
export function createDepValues(env: DepEnvironment): (key: string) => string {
  const memo = new Map<string, string>();
  let pagers: Map<string, Pager | null> | null = null;
  const pagerOf = (outputPath: string): Pager | null | undefined => {
    pagers ??= new Map(env.index.targets.map((t) => [t.outputPath, t.pager] as const));
    return pagers.get(outputPath);
  };
  return (key) => {
    let value = memo.get(key);
    if (value === undefined) {
      if (key.startsWith("pager:")) {
        const pager = pagerOf(key.slice(6));
        value = pager ? byIdentity(plainHashes, pager, pagerHash) : MISSING;
      } else value = compute(env, key);
      memo.set(key, value);
    }
    return value;
  };
}

/**
 * Keys whose value comes from the site index alone, but for bodies: with the same documents
 * outside their bodies (`documentShape`) and the same config, they hold the same value.
 * Kinds with an argument (`meta:<id>`), and whole-site keys.
 */
export const INDEX_SHAPE_KINDS: readonly string[] = ["meta", "section", "src", "url", "pager"];
export const INDEX_SHAPE_KEYS: readonly string[] = [
  "pages*",
  "sections*",
  "urls*",
  "sources*",
  "regular",
  "taxonomies",
  "menu",
  "aliases",
  "drafts",
  "targets",
];

const SHAPE_KINDS = new Set(INDEX_SHAPE_KINDS);
const SHAPE_KEYS = new Set(INDEX_SHAPE_KEYS);

export function fromIndexShape(key: string): boolean {
  const colon = key.indexOf(":");
  return colon < 0 ? SHAPE_KEYS.has(key) : SHAPE_KINDS.has(key.slice(0, colon));
}

function compute(env: DepEnvironment, key: string): string {
  const { index } = env;
  const colon = key.indexOf(":");
  const kind = colon < 0 ? key : key.slice(0, colon);
  const arg = colon < 0 ? "" : key.slice(colon + 1);
  switch (kind) {
    case "meta": {
      const page = index.pages.get(arg);
      return page ? byIdentity(metaHashes, page, metaHash) : MISSING;
    }
    case "body": {
      // Where the body starts matters too: link and diagnostic ranges are whole-file positions.
      const page = index.pages.get(arg);
      return page ? byIdentity(bodyHashes, page, bodyHash) : MISSING;
    }
    case "section": {
      const section = index.sections.get(arg);
      return section ? byIdentity(plainHashes, section, plainHash) : MISSING;
    }
    case "src":
      return index.bySource.get(arg) ?? MISSING;
    case "url":
      return index.byUrl.get(arg) ?? MISSING;
    case "file":
      return env.fileExists(arg) ? "1" : "0";
    case "asset":
      return env.assetValue(arg);
    case "layout":
      return env.layoutValue(arg);
    case "pages*":
      return plainHash([...index.pages.keys()]);
    case "sections*":
      return byIdentity(plainHashes, index.sections, (m) => plainHash([...m.keys()]));
    case "urls*":
      return byIdentity(plainHashes, index.byUrl, (m) => plainHash([...m]));
    case "sources*":
      return byIdentity(plainHashes, index.bySource, (m) => plainHash([...m]));
    case "regular":
      return byIdentity(plainHashes, index.regularPageIds, plainHash);
    case "taxonomies":
      return byIdentity(plainHashes, index.taxonomies, plainHash);
    case "menu":
      return byIdentity(anyHashes, index.menu, hashOf);
    case "aliases":
      return byIdentity(plainHashes, index.aliases, plainHash);
    case "drafts":
      return byIdentity(plainHashes, index.drafts, (m) => plainHash([...m]));
    case "targets":
      return byIdentity(plainHashes, index.targets, plainHash);
    default:
      // An unknown key can never be proven unchanged.
      return `?${Math.random()}`;
  }
}

/**
 * Hashes by object identity, across builds: the dev server carries unchanged pages, sections and
 * targets over from one index to the next (`patchIndex`), so only what an edit replaced is hashed
 * again. Index objects are never mutated after they are built, which is what makes this sound.
 */
const metaHashes = new WeakMap<object, string>();
const bodyHashes = new WeakMap<object, string>();
const plainHashes = new WeakMap<object, string>();
const anyHashes = new WeakMap<object, string>();

function byIdentity<T extends object>(
  table: WeakMap<object, string>,
  value: T,
  hash: (value: T) => string,
): string {
  let h = table.get(value);
  if (h === undefined) {
    h = hash(value);
    table.set(value, h);
  }
  return h;
}

function bodyHash(page: Page): string {
  return page.bodyKey ?? bodyValue(page.body, page.bodyLine);
}

/** A body's dependency value; the build cache stores it beside each document (`bodyKey`). */
export function bodyValue(body: string, bodyLine: number): string {
  return `${Bun.hash(body).toString(36)}:${bodyLine}`;
}

/**
 * For values that hold no `Date` (targets, pagers, sections, id and URL lists): JSON without a
 * replacer is several times faster, and these are hashed once per build at any size.
 */
function plainHash(value: unknown): string {
  return Bun.hash(JSON.stringify(value) ?? "").toString(36);
}

/**
 * A list page's pager. The list of every pager's URL is one array shared by all pagers of a
 * list (`paginate`), hashed once: as JSON it made each pager's text as long as its list.
 */
function pagerHash(pager: Pager): string {
  const urls = byIdentity(plainHashes, pager.urls, plainHash);
  const { number, total, perPage, totalItems, prevUrl, nextUrl } = pager;
  return plainHash([number, total, perPage, totalItems, pager.itemIds, urls, prevUrl, nextUrl]);
}

/**
 * A page without its body, as one JSON text of its fields in order: Dates as their time (as
 * JSON they would be ISO strings, which a string field could equal), and only `params`, the
 * one field that can hold a Date deeper down, through the Date-aware replacer.
 */
function metaHash(page: Page): string {
  const parts: unknown[] = [];
  for (const key in page) {
    if (key === "body" || key === "bodyKey") continue;
    const value = page[key as keyof Page];
    if (value instanceof Date) parts.push(key, { D: value.getTime() });
    else if (key === "params") parts.push(key, JSON.stringify(value, dateReplacer));
    else parts.push(key, value);
  }
  return Bun.hash(JSON.stringify(parts)).toString(36);
}

export function hashOf(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value, dateReplacer);
  return Bun.hash(text ?? "").toString(36);
}

function dateReplacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  return raw instanceof Date ? `D${raw.getTime()}` : value;
}
