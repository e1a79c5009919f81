import { EmulatedRegExp, toRegExpDetails } from "oniguruma-to-es";
import { bundledLanguages } from "shiki/langs";
import shikiPackage from "shiki/package.json" with { type: "json" };

/**
 * Grammar regexes translated ahead of time. Translating an Oniguruma pattern to a JavaScript
 * regex (oniguruma-to-es) costs ~0.5 ms; a cold thread translates every pattern its blocks reach,
 * ~0.4 s for a few languages, and each pool worker pays it again. The table holds the
 * translations of the preloaded grammars' patterns, made by the same library with the same
 * options, and is used only with the shiki version it was made for (`bun run` this file to
 * remake it; a test checks it against live translation).
 */

/** oniguruma-to-es options of shiki's JavaScript engine (`defaultJavaScriptRegexConstructor`). */
const SHIKI_OPTIONS = {
  global: true,
  hasIndices: true,
  lazyCompileLength: 3000,
  rules: {
    allowOrphanBackrefs: true,
    asciiWordBoundaries: true,
    captureGroup: true,
    recursionLimit: 5,
    singleline: true,
  },
} as const;

/** The `u`-flag translation, exact or refused (see engine.ts). */
export const STRICT_ES2018 = { ...SHIKI_OPTIONS, target: "ES2018", accuracy: "strict" } as const;

type EmulatedRegExpOptions = NonNullable<ReturnType<typeof toRegExpDetails>["options"]>;

/** [source, flags] or [source, flags, options of the EmulatedRegExp subclass]. */
export type TableEntry = readonly [string, string] | readonly [string, string, EmulatedRegExpOptions];

interface TableFile {
  readonly shiki: string;
  readonly entries: Record<string, TableEntry>;
}

const TABLE_URL = new URL("./regex-table.json.gz", import.meta.url);

/** The strict ES2018 translation of `pattern`, or null when it has none. */
export function translate(pattern: string): TableEntry | null {
  try {
    const d = toRegExpDetails(pattern, STRICT_ES2018);
    return d.options ? [d.pattern, d.flags, d.options] : [d.pattern, d.flags];
  } catch {
    return null;
  }
}

export function toRegex(entry: TableEntry): RegExp {
  return entry.length === 3
    ? new EmulatedRegExp(entry[0], entry[1], entry[2])
    : new RegExp(entry[0], entry[1]);
}

/** Every `match`/`begin`/`end`/`while` pattern of these languages' grammars (embedded ones included). */
export async function grammarPatterns(langs: readonly string[]): Promise<string[]> {
  const patterns = new Set<string>();
  const seen = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
    } else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        const isPattern = key === "match" || key === "begin" || key === "end" || key === "while";
        if (isPattern && typeof value === "string") patterns.add(value);
        else walk(value);
      }
    }
  };
  for (const lang of langs) {
    const mod = await bundledLanguages[lang as keyof typeof bundledLanguages]();
    for (const grammar of mod.default) {
      if (seen.has(grammar.name)) continue;
      seen.add(grammar.name);
      walk(grammar);
    }
  }
  return [...patterns].sort();
}

/** The table for these languages, as written to `regex-table.json.gz`. */
export async function buildRegexTable(langs: readonly string[]): Promise<TableFile> {
  const entries: Record<string, TableEntry> = {};
  for (const pattern of await grammarPatterns(langs)) {
    const entry = translate(pattern);
    if (entry) entries[pattern] = entry;
  }
  return { shiki: shikiPackage.version, entries };
}

let loaded: Map<string, TableEntry> | null | undefined;

/** A few entries translated again: a changed oniguruma-to-es under the same shiki drops the table. */
function translatorAgrees(entries: ReadonlyArray<readonly [string, TableEntry]>): boolean {
  if (entries.length === 0) return false;
  const picks = [0, 1, 2, 3].map((i) => entries[Math.floor((i * (entries.length - 1)) / 3)]!);
  return picks.every(([pattern, entry]) => JSON.stringify(translate(pattern)) === JSON.stringify(entry));
}

/** The shipped table, or an empty one when it is missing or was made for another shiki. */
export async function loadRegexTable(): Promise<ReadonlyMap<string, TableEntry>> {
  if (loaded === undefined) {
    loaded = null;
    try {
      const file = Bun.file(TABLE_URL);
      const table = JSON.parse(new TextDecoder().decode(Bun.gunzipSync(await file.bytes()))) as TableFile;
      const entries = Object.entries(table.entries);
      if (table.shiki === shikiPackage.version && translatorAgrees(entries)) loaded = new Map(entries);
    } catch {
      // No table: every pattern is translated when first used, as shiki does.
    }
  }
  return loaded ?? new Map();
}

if (import.meta.main) {
  const { PRELOADED_LANGUAGES } = await import("./highlighter.ts");
  const table = await buildRegexTable(PRELOADED_LANGUAGES);
  const json = JSON.stringify(table);
  await Bun.write(TABLE_URL, Bun.gzipSync(json, { level: 9 }));
  console.log(`${Object.keys(table.entries).length} patterns, ${json.length} bytes → ${TABLE_URL.pathname}`);
}
