import type { RegexEngine } from "shiki/core";
import { type TableEntry, tableRegex, toRegex, translate } from "./regex-table.ts";
import { createScannerEngine } from "./scanner.ts";

/**
 * shiki's JavaScript regex engine, with grammar regexes built for the `u` flag where that is exact.
 *
 * shiki's default target on Bun is ES2025 (flag `v`), and JavaScriptCore compiles `v`-flag regexes
 * with large Unicode classes (`\p{Alpha}`, everywhere in the TypeScript grammar) several times
 * slower: ~0.6 s of a cold process's first code blocks. `accuracy: "strict"` makes the ES2018
 * translation throw unless it matches exactly what Oniguruma matches (oniguruma-to-es's contract),
 * and those few patterns keep shiki's own translation, so every regex matches the same strings.
 * `table` holds both kinds of translation made ahead of time (regex-table.ts), so a process
 * whose patterns are all in it never loads the translator. The scanner is ours (scanner.ts):
 * shiki's matching semantics, fewer searches.
 */
export function createRegexEngine(table: ReadonlyMap<string, TableEntry> = new Map()): RegexEngine {
  return createScannerEngine({ forgiving: true, regexConstructor: grammarRegex(table) });
}

/** The JavaScript regex for a grammar pattern: from `table`, else strict ES2018, else shiki's own. */
export function grammarRegex(table: ReadonlyMap<string, TableEntry>): (pattern: string) => RegExp {
  return (pattern) => {
    const entry = table.get(pattern);
    const built = entry ? tableRegex(pattern, entry) : null;
    if (built) return built;
    // A pattern the table lacks, translated now the same two ways (this loads oniguruma-to-es,
    // ~25 ms, on the first one); none: the scanner leaves the rule out, as shiki's does.
    const fresh = translate(pattern);
    if (!fresh) throw new Error(`no JavaScript regex for the grammar pattern ${JSON.stringify(pattern)}`);
    return toRegex(fresh);
  };
}
