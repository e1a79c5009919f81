/**
 * The parser behind `requiredLiterals` (literals.ts): a JavaScript regex source in `u` or `v`
 * mode, read just far enough to know which literals every match must contain. It throws on
 * anything it does not follow; the caller then requires nothing.
 */

export type Clause = string[];

/** At most this many clauses are kept: the most selective ones. */
const MAX_CLAUSES = 3;

interface Item {
  /** A literal code point consumed by this item, when it is exactly one and not quantified. */
  literal: string | null;
  clauses: Clause[];
}

class Unsupported extends Error {}

/** How selective a clause is: long strings and few of them rule out more strings. */
function score(clause: Clause): number {
  let min = Number.POSITIVE_INFINITY;
  for (const s of clause) min = Math.min(min, s.length);
  return min / clause.length;
}

/** The most selective distinct clauses, at most `MAX_CLAUSES`. */
export function best(clauses: Clause[]): Clause[] {
  const seen = new Set<string>();
  const unique = clauses.filter((c) => {
    const key = JSON.stringify([...c].sort());
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => score(b) - score(a)).slice(0, MAX_CLAUSES);
}

const SIMPLE_ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", f: "\f", v: "\v" };
/** Characters u/v mode lets a backslash escape to themselves. */
const SYNTAX = "^$\\.*+?()[]{}|/-";
/** The v flag's class set operators and reserved double punctuators start with these. */
const SET_PUNCTUATION = "&!#%,:;<=>@`~";
const SET_ESCAPES = new Set(["d", "D", "w", "W", "s", "S", "b", "B", "p", "P", "k"]);

export class Parser {
  readonly chars: string[];
  pos = 0;

  constructor(
    source: string,
    private readonly unicodeSets: boolean,
  ) {
    // By code point, so an astral character and its quantifier stay one atom.
    this.chars = Array.from(source);
  }

  private peek(offset = 0): string | undefined {
    return this.chars[this.pos + offset];
  }

  /** `a|b|…` up to `)` or the end: a match takes one alternative, so one string of each must occur. */
  alternation(): Clause[] {
    const alternatives: Clause[][] = [this.sequence()];
    while (this.peek() === "|") {
      this.pos++;
      alternatives.push(this.sequence());
    }
    if (alternatives.length === 1) return alternatives[0]!;
    const merged: Clause = [];
    for (const clauses of alternatives) {
      if (clauses.length === 0) return [];
      let pick = clauses[0]!;
      for (const clause of clauses) if (score(clause) > score(pick)) pick = clause;
      for (const s of pick) if (!merged.includes(s)) merged.push(s);
    }
    return [merged];
  }

  /** Items matched one after another: adjacent unquantified literals form one string. */
  private sequence(): Clause[] {
    const clauses: Clause[] = [];
    let run = "";
    const flush = () => {
      if (run !== "") clauses.push([run]);
      run = "";
    };
    for (;;) {
      const c = this.peek();
      if (c === undefined || c === "|" || c === ")") break;
      const item = this.quantified();
      if (item.literal !== null) {
        run += item.literal;
      } else {
        flush();
        clauses.push(...item.clauses);
      }
    }
    flush();
    return clauses;
  }

  private quantified(): Item {
    const atom = this.atom();
    const min = this.quantifier();
    if (min === null) return atom;
    if (min === 0) return { literal: null, clauses: [] };
    return { literal: null, clauses: atom.literal !== null ? [[atom.literal]] : atom.clauses };
  }

  /** The minimum count of a quantifier at the position (consumed), or null when there is none. */
  private quantifier(): number | null {
    const c = this.peek();
    let min: number | null = null;
    if (c === "*" || c === "?") {
      this.pos++;
      min = 0;
    } else if (c === "+") {
      this.pos++;
      min = 1;
    } else if (c === "{") {
      let end = this.pos + 1;
      let text = "";
      while (end < this.chars.length && this.chars[end] !== "}") text += this.chars[end++];
      const m = /^(\d+)(,(\d*))?$/.exec(text);
      // In u/v mode a `{` that is no quantifier is a syntax error, so this cannot be a literal.
      if (!m) throw new Unsupported();
      this.pos = end + 1;
      min = Number(m[1]);
    } else {
      return null;
    }
    if (this.peek() === "?") this.pos++;
    return min;
  }

  private atom(): Item {
    const c = this.chars[this.pos++]!;
    const none: Item = { literal: null, clauses: [] };
    if (c === "(") return this.group();
    if (c === "[") {
      const members = this.characterClass();
      return { literal: null, clauses: members ? [members] : [] };
    }
    if (c === "." || c === "^" || c === "$") return none;
    if (c === "\\") return this.escape();
    if (c === "*" || c === "+" || c === "?" || c === "{" || c === "}" || c === "]") throw new Unsupported();
    return { literal: c, clauses: [] };
  }

  private group(): Item {
    let positive = true;
    if (this.peek() === "?") {
      const next = this.peek(1);
      if (next === ":" || next === "=") {
        this.pos += 2;
      } else if (next === "!") {
        this.pos += 2;
        positive = false;
      } else if (next === "<" && (this.peek(2) === "=" || this.peek(2) === "!")) {
        positive = this.peek(2) === "=";
        this.pos += 3;
      } else if (next === "<") {
        this.pos += 2;
        while (this.peek() !== undefined && this.peek() !== ">") this.pos++;
        this.pos++;
      } else {
        // Modifiers such as `(?i:…)` change what literals match.
        this.pos++;
        while (this.peek() !== undefined && this.peek() !== ":") {
          if (!/[imsx-]/.test(this.peek()!)) throw new Unsupported();
          this.pos++;
        }
        this.pos++;
        positive = false;
      }
    }
    const clauses = this.alternation();
    if (this.chars[this.pos++] !== ")") throw new Unsupported();
    return { literal: null, clauses: positive ? clauses : [] };
  }

  private escape(): Item {
    const c = this.chars[this.pos++];
    if (c === undefined) throw new Unsupported();
    const none: Item = { literal: null, clauses: [] };
    if (SET_ESCAPES.has(c)) {
      if ((c === "p" || c === "P" || c === "k") && this.peek() === (c === "k" ? "<" : "{")) {
        const close = c === "k" ? ">" : "}";
        while (this.peek() !== undefined && this.peek() !== close) this.pos++;
        this.pos++;
      }
      return none;
    }
    if (/[1-9]/.test(c)) {
      while (/[0-9]/.test(this.peek() ?? "")) this.pos++;
      return none;
    }
    if (c in SIMPLE_ESCAPES) return { literal: SIMPLE_ESCAPES[c]!, clauses: [] };
    if (c === "0" && !/[0-9]/.test(this.peek() ?? "")) return { literal: "\0", clauses: [] };
    if (c === "x") return this.hex(2);
    if (c === "u") {
      if (this.peek() === "{") {
        let hex = "";
        this.pos++;
        while (this.peek() !== undefined && this.peek() !== "}") hex += this.chars[this.pos++];
        this.pos++;
        return this.codePoint(hex);
      }
      return this.hex(4);
    }
    if (c === "c") {
      const letter = this.chars[this.pos++] ?? "";
      if (!/[A-Za-z]/.test(letter)) throw new Unsupported();
      return { literal: String.fromCharCode(letter.charCodeAt(0) % 32), clauses: [] };
    }
    // u/v mode allows identity escapes of syntax characters and `/`, `-` only.
    if (SYNTAX.includes(c)) return { literal: c, clauses: [] };
    throw new Unsupported();
  }

  private hex(digits: number): Item {
    let hex = "";
    for (let i = 0; i < digits; i++) hex += this.chars[this.pos++] ?? "";
    return this.codePoint(hex);
  }

  private codePoint(hex: string): Item {
    if (!/^[0-9A-Fa-f]+$/.test(hex)) throw new Unsupported();
    const cp = Number.parseInt(hex, 16);
    // A surrogate escape may pair with the next one into one code point: take neither as literal.
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return { literal: null, clauses: [] };
    return { literal: String.fromCodePoint(cp), clauses: [] };
  }

  /**
   * Past a class's closing `]`. Its members when it is a short list of single characters (it
   * matches one of them); null for anything else: negated, ranges, sets, nested classes.
   */
  private characterClass(): string[] | null {
    let members: string[] | null = this.peek() === "^" ? null : [];
    let depth = 1;
    while (depth > 0) {
      const c = this.chars[this.pos++];
      if (c === undefined) throw new Unsupported();
      if (c === "\\") {
        const e = this.chars[this.pos++];
        if (e === undefined) throw new Unsupported();
        const simple = SIMPLE_ESCAPES[e] ?? (SYNTAX.includes(e) ? e : null);
        if (simple === null) members = null;
        else members?.push(simple);
      } else if (c === "[" && this.unicodeSets) {
        depth++;
        members = null;
      } else if (c === "]") {
        depth--;
      } else if (c === "-" || (this.unicodeSets && SET_PUNCTUATION.includes(c))) {
        // Ranges, and the v flag's set operators and reserved doubled punctuation.
        members = null;
      } else {
        members?.push(c);
      }
    }
    return members && members.length > 0 && members.length <= 4 ? members : null;
  }
}
