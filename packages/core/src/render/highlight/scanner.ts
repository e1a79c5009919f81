import type { PatternScanner, RegexEngine, RegexEngineString } from "shiki/core";
import { literalsOf, mayMatch, TextProbe } from "./literals.ts";

/**
 * A `RegexEngine` with the matching semantics of shiki's `JavaScriptScanner` (each pattern
 * searched from the start position, the earliest match wins, ties go to the lowest pattern index)
 * and a cheaper way to get there.
 *
 * vscode-textmate compiles one scanner per rule state, and the same grammar pattern (one shared
 * `RegExp` per pattern string) sits in many of them: the TypeScript grammar's expression patterns
 * are in dozens. shiki remembers each pattern's last search per scanner, so every rule change on
 * a line searches the same regexes again. Here the last search is remembered per regex, shared by
 * every scanner that holds it. A search from `from` that first matches at `index` (or nowhere)
 * answers every search of the same string from `from <= p <= index`: a global search tries
 * positions in order and a match attempt at a position does not depend on where the search began
 * (lookbehind sees the whole string). Positions vscode-textmate searches from are match ends or
 * line starts, so they are code-point boundaries, where a `u`/`v` search steps as any other.
 *
 * A string that lacks a literal every match of a regex needs (literals.ts) is not searched: no
 * match from any position. A match's capture indices are converted to vscode-textmate's objects
 * once, when it is first returned; vscode-textmate only reads them, so a remembered match returns
 * the same array, and every unmatched group the same object.
 */

type IndicesArray = NonNullable<RegExpExecArray["indices"]>;
type CaptureIndex = { start: number; end: number; length: number };
type Match = { index: number; captureIndices: CaptureIndex[] };
type Options = Parameters<PatternScanner["findNextMatchSync"]>[2];

/** The strings this engine makes: an id for remembered searches, a probe for literals. */
class EngineString implements RegexEngineString {
  private probed: TextProbe | null = null;

  constructor(
    readonly content: string,
    readonly id: number,
  ) {}

  get probe(): TextProbe {
    this.probed ??= new TextProbe(this.content);
    return this.probed;
  }
}

const NOT_FOUND = 4294967295;
const UNMATCHED: CaptureIndex = Object.freeze({ start: NOT_FOUND, end: NOT_FOUND, length: 0 });

/** A regex and its last search; one per pattern string, shared by every scanner holding it. */
class Slot {
  /** Sticky regexes and oniguruma-to-es's search strategies depend on where a search starts. */
  readonly cacheable: boolean;
  /** 0: no search remembered (string ids start at 1). */
  strId = 0;
  from = 0;
  index = -1;
  indices: IndicesArray | null = null;
  captures: CaptureIndex[] | null = null;
  /** Strings a match needs (literals.ts), found on first use. */
  private required: string[][] | null = null;
  /** The last string found to hold them. */
  possibleIn = 0;

  constructor(readonly regex: RegExp) {
    const raw = (regex as RegExp & { rawOptions?: { strategy?: string | null } }).rawOptions;
    this.cacheable = !regex.sticky && !raw?.strategy;
  }

  /** Whether the string (id `strId`) holds what a match needs; false: no search can match. */
  possible(string: string | EngineString, strId: number): boolean {
    this.required ??= literalsOf(this.regex);
    if (this.required.length === 0 || (strId !== 0 && this.possibleIn === strId)) return true;
    const probe = typeof string === "string" ? new TextProbe(string) : string.probe;
    if (!mayMatch(this.required, probe)) return false;
    this.possibleIn = strId;
    return true;
  }
}

function toCaptures(indices: IndicesArray): CaptureIndex[] {
  const out = new Array<CaptureIndex>(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const pair = indices[i];
    out[i] = pair ? { start: pair[0], end: pair[1], length: pair[1] - pair[0] } : UNMATCHED;
  }
  return out;
}

class Scanner implements PatternScanner {
  constructor(
    private readonly slots: ReadonlyArray<Slot | null>,
    private readonly forgiving: boolean,
  ) {}

  findNextMatchSync(string: string | RegexEngineString, start: number, _options?: Options): Match | null {
    const str = typeof string === "string" ? string : string.content;
    const engineString = string instanceof EngineString ? string : null;
    const strId = engineString ? engineString.id : 0;
    const slots = this.slots;
    let best = -1;
    let bestIndex = 0;
    let bestIndices: IndicesArray | null = null;
    let bestSlot: Slot | null = null;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i];
      if (!slot) continue;
      let index: number;
      let indices: IndicesArray | null;
      let remembered: Slot | null = null;
      if (
        strId !== 0 &&
        slot.strId === strId &&
        slot.from <= start &&
        (slot.index === -1 || slot.index >= start)
      ) {
        index = slot.index;
        indices = slot.indices;
        remembered = slot;
      } else {
        // A string without what a match needs has no match from any position.
        let from = 0;
        try {
          if (!slot.possible(engineString ?? str, strId)) {
            index = -1;
            indices = null;
          } else {
            const regex = slot.regex;
            regex.lastIndex = start;
            const m = regex.exec(str);
            from = start;
            index = m ? m.index : -1;
            indices = m ? (m.indices ?? null) : null;
          }
        } catch (e) {
          if (this.forgiving) continue;
          throw e;
        }
        if (strId !== 0 && slot.cacheable) {
          slot.strId = strId;
          slot.from = from;
          slot.index = index;
          slot.indices = indices;
          slot.captures = null;
          remembered = slot;
        }
      }
      if (index === -1) continue;
      if (index === start) return result(i, remembered, indices);
      if (best === -1 || index < bestIndex) {
        best = i;
        bestIndex = index;
        bestIndices = indices;
        bestSlot = remembered;
      }
    }
    return best === -1 ? null : result(best, bestSlot, bestIndices);
  }
}

function result(index: number, slot: Slot | null, indices: IndicesArray | null): Match {
  if (slot) {
    slot.captures ??= toCaptures(slot.indices!);
    return { index, captureIndices: slot.captures };
  }
  return { index, captureIndices: toCaptures(indices!) };
}

export interface ScannerEngineOptions {
  /** Builds the JavaScript regex for an Oniguruma pattern; may throw when it has none. */
  readonly regexConstructor: (pattern: string) => RegExp;
  /** Skip patterns that fail to build or to run, as shiki's `forgiving` does; else throw. */
  readonly forgiving?: boolean;
}

/** A `RegexEngine` whose scanners share one regex and one remembered search per pattern. */
export function createScannerEngine(options: ScannerEngineOptions): RegexEngine {
  const forgiving = options.forgiving ?? false;
  const byPattern = new Map<string, Slot | Error>();
  const byRegex = new WeakMap<RegExp, Slot>();
  let lastStringId = 0;

  const slotFor = (p: string | RegExp): Slot | null => {
    if (typeof p !== "string") {
      let slot = byRegex.get(p);
      if (!slot) {
        slot = new Slot(p);
        byRegex.set(p, slot);
      }
      return slot;
    }
    let slot = byPattern.get(p);
    if (slot === undefined) {
      try {
        slot = new Slot(options.regexConstructor(p));
      } catch (e) {
        slot = e instanceof Error ? e : new Error(String(e));
      }
      byPattern.set(p, slot);
    }
    if (slot instanceof Slot) return slot;
    if (forgiving) return null;
    throw slot;
  };

  return {
    createScanner: (patterns) => new Scanner(patterns.map(slotFor), forgiving),
    createString: (content) => new EngineString(content, ++lastStringId),
  };
}
