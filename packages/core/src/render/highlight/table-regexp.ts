/**
 * The part of oniguruma-to-es's `EmulatedRegExp` that the shipped regex table needs: hidden
 * captures (helper groups a translation adds, removed from each match), lazy compilation (a
 * long pattern compiled on its first search) and the `clip_search` strategy (a search from
 * `lastIndex` runs on the rest of the string, for lookbehinds that must not see before it).
 *
 * Loading oniguruma-to-es (with its parser) costs ~25 ms in every process that highlights, and
 * the table exists so that translation never runs: a process whose patterns are all in the table
 * builds them with this class and never loads it. Its `exec` does what the library's does for
 * these options, match for match (regex-table.test.ts compares the two on every entry);
 * options it does not know send the entry to the library itself.
 */
export interface TableRegExpOptions {
  readonly hiddenCaptures?: readonly number[];
  readonly lazyCompile?: boolean;
  readonly strategy?: string | null;
}

const KNOWN = new Set(["hiddenCaptures", "lazyCompile", "strategy"]);

/** Whether `TableRegExp` does everything these options ask for. */
export function handles(options: object): boolean {
  if (!Object.keys(options).every((k) => KNOWN.has(k))) return false;
  const strategy = (options as TableRegExpOptions).strategy;
  return strategy === undefined || strategy === null || strategy === "clip_search";
}

export class TableRegExp extends RegExp {
  readonly #pattern: string;
  readonly #hidden: ReadonlySet<number>;
  readonly #clip: boolean;
  #compiled: RegExp | null;

  constructor(pattern: string, flags: string, options: TableRegExpOptions) {
    const lazy = options.lazyCompile === true;
    super(lazy ? "" : pattern, flags);
    this.#pattern = pattern;
    this.#hidden = new Set(options.hiddenCaptures ?? []);
    this.#clip = options.strategy === "clip_search";
    this.#compiled = lazy ? null : this;
  }

  // The pattern, also before a lazy regex is compiled (the scanner reads it for its literals).
  override get source(): string {
    return this.#pattern || "(?:)";
  }

  override exec(str: string): RegExpExecArray | null {
    if (!this.#compiled) this.#compiled = new RegExp(this.#pattern, this.flags);
    const pos = this.lastIndex;
    if (this.#clip && (this.global || this.sticky) && pos) {
      this.lastIndex = 0;
      const match = this.#execCore(str.slice(pos));
      if (match) {
        shiftMatch(match, pos, str, this.hasIndices);
        this.lastIndex += pos;
      }
      return match;
    }
    return this.#execCore(str);
  }

  #execCore(str: string): RegExpExecArray | null {
    const compiled = this.#compiled!;
    compiled.lastIndex = this.lastIndex;
    const match = RegExp.prototype.exec.call(compiled, str);
    this.lastIndex = compiled.lastIndex;
    if (!match || this.#hidden.size === 0) return match;
    const all = [...match];
    const indices = this.hasIndices ? [...match.indices!] : null;
    match.length = 1;
    if (indices) match.indices!.length = 1;
    for (let i = 1; i < all.length; i++) {
      if (this.#hidden.has(i)) continue;
      match.push(all[i]!);
      if (indices) match.indices!.push(indices[i]!);
    }
    return match;
  }
}

function shiftMatch(match: RegExpExecArray, offset: number, input: string, hasIndices: boolean): void {
  match.index += offset;
  match.input = input;
  if (!hasIndices) return;
  const indices = match.indices!;
  for (let i = 0; i < indices.length; i++) {
    const span = indices[i];
    if (span) indices[i] = [span[0] + offset, span[1] + offset];
  }
  const groups = indices.groups;
  if (groups) {
    for (const key of Object.keys(groups)) {
      const span = groups[key];
      if (span) groups[key] = [span[0] + offset, span[1] + offset];
    }
  }
}
