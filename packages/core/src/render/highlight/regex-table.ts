import { bundledLanguages } from "shiki/langs";
import shikiPackage from "shiki/package.json" with { type: "json" };
import type { Clause } from "./literal-parser.ts";
import { attachLiterals, requiredLiterals } from "./literals.ts";
import { handles, TableRegExp, type TableRegExpOptions } from "./table-regexp.ts";

/**
 * Grammar regexes translated ahead of time. Translating an Oniguruma pattern to a JavaScript
 * regex (oniguruma-to-es) costs ~0.5 ms; a cold thread translates every pattern its blocks reach,
 * ~0.4 s for a few languages, and each pool worker pays it again. The table holds the
 * translations of the preloaded grammars' patterns, made by the same library with the same
 * options, and the literals each translation needs (literals.ts, ~60 ms of a process's first
 * blocks when found live). It is used only with the shiki and oniguruma-to-es versions it was
 * made with (`bun run` this file to remake it; a test checks it against live translation).
 * oniguruma-to-es itself (~25 ms to load) is loaded only for a pattern the table lacks.
 */

type Translator = typeof import("oniguruma-to-es");
let translator: Translator | null = null;

/** The library, loaded on first need: synchronously, because shiki builds regexes synchronously. */
function onigurumaToEs(): Translator {
  translator ??= require("oniguruma-to-es") as Translator;
  return translator;
}

/** Its version, from its package file alone (the package's exports leave that file out for TypeScript). */
function translatorVersion(): string {
  return (require("oniguruma-to-es/package.json") as { version: string }).version;
}

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
const STRICT_ES2018 = { ...SHIKI_OPTIONS, target: "ES2018", accuracy: "strict" } as const;

/** shiki's default, for the patterns with no exact `u`-flag translation (see engine.ts). */
const SHIKI_AUTO = { ...SHIKI_OPTIONS, target: "auto" } as const;

type EmulatedRegExpOptions = NonNullable<ReturnType<Translator["toRegExpDetails"]>["options"]>;

/** [source, flags] or [source, flags, options of the EmulatedRegExp subclass]. */
export type TableEntry = readonly [string, string] | readonly [string, string, EmulatedRegExpOptions];

interface TableFile {
  readonly shiki: string;
  readonly translator: string;
  readonly entries: Record<string, TableEntry>;
  /** By pattern: the clauses of its translation, when there are any. */
  readonly literals: Record<string, Clause[]>;
}

const TABLE_URL = new URL("./regex-table.json.gz", import.meta.url);

/**
 * The translation engine.ts would make of `pattern`: strict ES2018, else shiki's own (`target:
 * "auto"`, the `v` flag on Bun), else null (no JavaScript regex: shiki reports it).
 */
export function translate(pattern: string): TableEntry | null {
  for (const options of [STRICT_ES2018, SHIKI_AUTO]) {
    try {
      const d = onigurumaToEs().toRegExpDetails(pattern, options);
      return d.options ? [d.pattern, d.flags, d.options] : [d.pattern, d.flags];
    } catch {
      // The next way, or none.
    }
  }
  return null;
}

export function toRegex(entry: TableEntry): RegExp {
  if (entry.length === 2) return new RegExp(entry[0], entry[1]);
  return handles(entry[2])
    ? new TableRegExp(entry[0], entry[1], entry[2] as TableRegExpOptions)
    : new (onigurumaToEs().EmulatedRegExp)(entry[0], entry[1], entry[2]);
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
  // vscode-textmate's stand-in for a rule without an end.
  patterns.add(NO_MATCH);
  return [...patterns].sort();
}

const NO_MATCH = "\uFFFF";

/**
 * The patterns vscode-textmate compiles for one with `\A` or `\G`: where the anchor cannot
 * match (not the first line, not where the last match ended) it replaces its letter with
 * U+FFFF, a character no line holds (`RegExpSource._buildAnchorCache`, same walk).
 */
export function anchorVariants(pattern: string): string[] {
  if (!/\\[AG]/.test(pattern)) return [];
  const variants: string[] = [];
  for (const [allowA, allowG] of [
    [false, false],
    [false, true],
    [true, false],
    [true, true],
  ] as const) {
    let out = "";
    for (let i = 0; i < pattern.length; i++) {
      const ch = pattern[i]!;
      out += ch;
      if (ch !== "\\" || i + 1 >= pattern.length) continue;
      const next = pattern[++i]!;
      out += (next === "A" && !allowA) || (next === "G" && !allowG) ? NO_MATCH : next;
    }
    variants.push(out);
  }
  return variants;
}

/**
 * The patterns grammars make while tokenizing: an `end` or `while` with back-references is
 * made from what its `begin` captured (a Python string's quote, a fence's backticks), so no
 * grammar file holds it. Recorded from highlighting `samples` (code by language), they cover
 * the common ones; any other is translated when it first occurs.
 */
export async function sampledPatterns(samples: Readonly<Record<string, string>>): Promise<string[]> {
  const [{ createHighlighterCore }, { createScannerEngine }] = await Promise.all([
    import("shiki/core"),
    import("./scanner.ts"),
  ]);
  const seen = new Set<string>();
  const engine = createScannerEngine({
    forgiving: true,
    regexConstructor: (pattern) => {
      seen.add(pattern);
      const entry = translate(pattern);
      if (!entry) throw new Error(`no JavaScript regex for ${pattern}`);
      return toRegex(entry);
    },
  });
  const langs = Object.keys(samples);
  const core = await createHighlighterCore({
    themes: [import("shiki/themes/github-dark.mjs")],
    langs: langs.map((l) => bundledLanguages[l as keyof typeof bundledLanguages]()),
    engine,
  });
  for (const [lang, code] of Object.entries(samples))
    core.codeToTokensBase(code, { lang, theme: "github-dark" });
  core.dispose();
  return [...seen];
}

/** The table for these languages, as written to `regex-table.json.gz`. */
export async function buildRegexTable(
  langs: readonly string[],
  samples: Readonly<Record<string, string>> = {},
): Promise<TableFile> {
  const entries: Record<string, TableEntry> = {};
  const literals: Record<string, Clause[]> = {};
  const patterns = new Set([...(await grammarPatterns(langs)), ...(await sampledPatterns(samples))]);
  for (const pattern of [...patterns]) for (const variant of anchorVariants(pattern)) patterns.add(variant);
  for (const pattern of [...patterns].sort()) {
    const entry = translate(pattern);
    if (!entry) continue;
    entries[pattern] = entry;
    // From the built regex's own source and flags, as the scanner would find them.
    const regex = toRegex(entry);
    const clauses = requiredLiterals(regex.source, regex.flags);
    if (clauses.length > 0) literals[pattern] = clauses;
  }
  return { shiki: shikiPackage.version, translator: translatorVersion(), entries, literals };
}

let loaded: Map<string, TableEntry> | null | undefined;
let loadedLiterals: ReadonlyMap<string, Clause[]> = new Map();

const NO_CLAUSES: Clause[] = [];

/** The regex of a table entry for `pattern`, with the literals the table found for it. */
export function tableRegex(pattern: string, entry: TableEntry): RegExp | null {
  try {
    return attachLiterals(toRegex(entry), loadedLiterals.get(pattern) ?? NO_CLAUSES);
  } catch {
    // A flag this runtime's regexes lack (`v`): translated live instead.
    return null;
  }
}

/** The shipped table, or an empty one when it is missing or was made for another shiki. */
export async function loadRegexTable(): Promise<ReadonlyMap<string, TableEntry>> {
  if (loaded === undefined) {
    loaded = null;
    try {
      const file = Bun.file(TABLE_URL);
      const table = JSON.parse(new TextDecoder().decode(Bun.gunzipSync(await file.bytes()))) as TableFile;
      if (table.shiki === shikiPackage.version && table.translator === translatorVersion()) {
        loaded = new Map(Object.entries(table.entries));
        loadedLiterals = new Map(Object.entries(table.literals));
      }
    } catch {
      // No table: every pattern is translated when first used, as shiki does.
    }
  }
  return loaded ?? new Map();
}

if (import.meta.main) {
  const { PRELOADED_LANGUAGES } = await import("./highlighter.ts");
  const { SAMPLES } = await import("./test-samples.ts");
  const table = await buildRegexTable(PRELOADED_LANGUAGES, SAMPLES);
  const json = JSON.stringify(table);
  await Bun.write(TABLE_URL, Bun.gzipSync(json, { level: 9 }));
  console.log(`${Object.keys(table.entries).length} patterns, ${json.length} bytes → ${TABLE_URL.pathname}`);
}
