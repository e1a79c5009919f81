import type { SiteConfig } from "../model/config.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { Page, ParsedDocument } from "../model/page.ts";
import type { SiteIndex } from "../model/site.ts";

/** An index with the documents it was built from, kept by a long-lived process between builds. */
export interface IndexBasis {
  readonly docs: ReadonlyMap<string, ParsedDocument>;
  readonly index: SiteIndex;
  readonly diagnostics: readonly Diagnostic[];
  /** Identity of everything else the index was built from (the output-relevant config). */
  readonly settings: string;
}

/**
 * The previous index with new bodies, when every document that changed since kept its path,
 * front matter and key positions (the common edit: prose). Nothing in the index but the page's
 * `body` and `bodyLine` comes from a body, so the rest (sections, terms, URLs, targets, and the
 * unchanged Page objects themselves) carries over; null when the index must be built again.
 */
export function patchIndex(
  basis: IndexBasis,
  docs: readonly ParsedDocument[],
  config: SiteConfig,
  settings: string,
): { index: SiteIndex; diagnostics: readonly Diagnostic[]; replaced: string[] } | null {
  if (basis.settings !== settings || docs.length !== basis.docs.size) return null;
  const changed: ParsedDocument[] = [];
  for (const doc of docs) {
    const old = basis.docs.get(doc.path);
    if (old === undefined) return null;
    if (old === doc) continue;
    if (!sameOutsideBody(old, doc)) return null;
    changed.push(doc);
  }
  const { index } = basis;
  const replaced: string[] = [];
  let pages = index.pages;
  if (changed.length > 0) {
    const copy = new Map(index.pages);
    for (const doc of changed) {
      const id = index.bySource.get(doc.path);
      const page = id === undefined ? undefined : copy.get(id);
      // A draft left out of the build: its body shows nowhere.
      if (id === undefined || page === undefined) continue;
      // `bodyKey` belongs to the body it came with: the new body's, or none.
      copy.set(id, { ...page, body: doc.body, bodyLine: doc.bodyLine, bodyKey: doc.bodyKey });
      replaced.push(id);
    }
    pages = copy;
  }
  return { index: { ...index, config, pages }, diagnostics: basis.diagnostics, replaced };
}

function sameOutsideBody(a: ParsedDocument, b: ParsedDocument): boolean {
  return shapeText(a) === shapeText(b);
}

/**
 * Everything of a document the site index reads (all but the body), as a hash: two documents
 * with the same path and shape make the same pages, sections, terms, URLs and targets.
 */
export function documentShape(doc: ParsedDocument): string {
  return Bun.hash(shapeText(doc)).toString(36);
}

/** All of a document but its body, as text: what `documentShape` hashes and `sameOutsideBody` compares. */
function shapeText(doc: ParsedDocument): string {
  return stableJson([doc.format, doc.bodyLine, doc.frontMatter, doc.keyRanges]);
}

/** JSON that tells a Date from the string of its ISO form. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v) {
    const raw = this[key];
    return raw instanceof Date ? `D${raw.getTime()}` : v;
  });
}

/**
 * A rebuilt index whose pages are the previous index's objects wherever they are equal field
 * for field: values hashed by identity (`render/track/dep-value.ts`) then stay known, so after a
 * front-matter edit only the pages that really changed are hashed again.
 */
export function keepEqualPages(previous: SiteIndex, fresh: SiteIndex): SiteIndex {
  let kept = 0;
  const pages = new Map<string, Page>();
  for (const [id, page] of fresh.pages) {
    const old = previous.pages.get(id);
    if (old !== undefined && same(old, page)) {
      pages.set(id, old);
      kept++;
    } else pages.set(id, page);
  }
  return kept === 0 ? fresh : { ...fresh, pages };
}

/** Deep equality of index data: primitives, Dates by time, arrays, and plain objects by keys. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.hasOwn(b, k)) return false;
    if (!same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}
