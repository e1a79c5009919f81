import type { SiteIndex } from "../../model/site.ts";

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
  let pagers: Map<string, unknown> | null = null;
  const pagerOf = (outputPath: string): unknown => {
    pagers ??= new Map(env.index.targets.map((t) => [t.outputPath, t.pager] as const));
    return pagers.get(outputPath);
  };
  return (key) => {
    let value = memo.get(key);
    if (value === undefined) {
      value = key.startsWith("pager:") ? hashOf(pagerOf(key.slice(6)) ?? MISSING) : compute(env, key);
      memo.set(key, value);
    }
    return value;
  };
}

function compute(env: DepEnvironment, key: string): string {
  const { index } = env;
  const colon = key.indexOf(":");
  const kind = colon < 0 ? key : key.slice(0, colon);
  const arg = colon < 0 ? "" : key.slice(colon + 1);
  switch (kind) {
    case "meta": {
      const page = index.pages.get(arg);
      return page ? hashOf({ ...page, body: undefined }) : MISSING;
    }
    case "body": {
      // Where the body starts matters too: link and diagnostic ranges are whole-file positions.
      const page = index.pages.get(arg);
      return page ? hashOf([page.body, page.bodyLine]) : MISSING;
    }
    case "section": {
      const section = index.sections.get(arg);
      return section ? hashOf(section) : MISSING;
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
      return hashOf([...index.pages.keys()]);
    case "sections*":
      return hashOf([...index.sections.keys()]);
    case "urls*":
      return hashOf([...index.byUrl]);
    case "sources*":
      return hashOf([...index.bySource]);
    case "regular":
      return hashOf(index.regularPageIds);
    case "taxonomies":
      return hashOf(index.taxonomies);
    case "menu":
      return hashOf(index.menu);
    case "aliases":
      return hashOf(index.aliases);
    case "drafts":
      return hashOf([...index.drafts]);
    case "targets":
      return hashOf(index.targets);
    default:
      // An unknown key can never be proven unchanged.
      return `?${Math.random()}`;
  }
}

export function hashOf(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value, dateReplacer);
  return Bun.hash(text ?? "").toString(36);
}

function dateReplacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  return raw instanceof Date ? `D${raw.getTime()}` : value;
}
