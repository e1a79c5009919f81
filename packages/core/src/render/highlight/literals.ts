/**
 * Strings a JavaScript regex cannot match without: a quick test that skips searching lines that
 * lack them. JavaScriptCore's regex compiler looks for a first character but not for literals
 * deeper in a pattern, and grammar patterns often start with a lookahead: the TypeScript
 * grammar's tagged-template patterns (`(?=identifier<type args>?\`)`) walk every identifier of
 * every line before failing for want of a backtick, ~15 µs a line each.
 *
 * The result is a list of clauses, each a list of strings: any match implies that, for every
 * clause, at least one of its strings occurs in the searched string (lookarounds included: what
 * they test lies in the string too). It is conservative: anything else (classes other than a
 * few listed characters, escapes for sets, backreferences, negative lookarounds, case-insensitive
 * or optional parts, syntax the parser does not follow) requires nothing.
 */

import { best, type Clause, Parser } from "./literal-parser.ts";

/** Clauses made ahead of time for a regex (the shipped regex table), so no one parses it again. */
const attached = new WeakMap<RegExp, Clause[]>();

export function attachLiterals(regex: RegExp, clauses: Clause[]): RegExp {
  attached.set(regex, clauses);
  return regex;
}

/** The clauses of `regex`: made ahead of time, or found from its source now. */
export function literalsOf(regex: RegExp): Clause[] {
  return attached.get(regex) ?? requiredLiterals(regex.source, regex.flags);
}

/** The clauses of a regex's `source` and `flags` (none: search every string). */
export function requiredLiterals(source: string, flags: string): Clause[] {
  // Case-insensitive literals match other strings; without u/v the syntax has legacy quirks.
  if (flags.includes("i") || !(flags.includes("u") || flags.includes("v"))) return [];
  try {
    const parser = new Parser(source, flags.includes("v"));
    const clauses = parser.alternation();
    if (parser.pos !== parser.chars.length) return [];
    return best(clauses);
  } catch {
    // Syntax this parser does not follow: no requirement, so the regex is always searched.
    return [];
  }
}

/**
 * A string to test clauses against: which ASCII characters it holds, found in one pass on first
 * use, so that most clauses (single characters, short keywords) are answered without a search.
 */
export class TextProbe {
  private scanned = false;
  private readonly bits = new Int32Array(4);

  constructor(readonly text: string) {}

  includes(s: string): boolean {
    if (!this.scanned) this.scan();
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 128 && (this.bits[c >> 5]! & (1 << (c & 31))) === 0) return false;
    }
    return s.length === 1 && s.charCodeAt(0) < 128 ? true : this.text.includes(s);
  }

  private scan(): void {
    const text = this.text;
    const bits = this.bits;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 128) bits[c >> 5]! |= 1 << (c & 31);
    }
    this.scanned = true;
  }
}

/** Whether the probed string could hold a match, by the clauses of `requiredLiterals`. */
export function mayMatch(clauses: readonly Clause[], probe: TextProbe): boolean {
  for (const clause of clauses) {
    let found = false;
    for (const s of clause) {
      if (probe.includes(s)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}
