import type { IGrammar, StateStack } from "shiki/textmate";

/**
 * Highlighted lines by grammar, tokenizer state and text. vscode-textmate tokenizes a line from
 * the state the previous line ended in, and nothing else: the same line in the same state gives
 * the same tokens and the same end state. Code repeats lines (closing braces, imports, common
 * statements), so a hit skips the grammar's regexes for the whole line.
 *
 * A state is identified by its structure, not its object: each frame's rule, the `end`/`while`
 * pattern its begin captures resolved, whether that begin matched up to the line's end, and its
 * two scope lists (scope names and token attributes). Those are all the fields a frame carries
 * across lines; its enter and anchor positions are reset when a line starts. Equal structures
 * get the same number (interned), so a cached end state, shared by later lines, is as good as
 * a fresh one.
 */

/** vscode-textmate's `StateStackImpl` and `AttributedScopeStack` fields read here. */
interface Frame {
  readonly parent: Frame | null;
  readonly ruleId: number;
  readonly beginRuleCapturedEOL: boolean;
  readonly endRule: string | null;
  readonly nameScopesList: ScopeList | null;
  readonly contentNameScopesList: ScopeList | null;
}
interface ScopeList {
  readonly parent: ScopeList | null;
  readonly scopePath: ScopePath;
  readonly tokenAttributes: number;
}
interface ScopePath {
  readonly parent: ScopePath | null;
  readonly scopeName: string;
}

export interface CachedLine {
  readonly html: string;
  readonly end: StateStack;
}

/**
 * Entries kept before the oldest go; interned structures before all is dropped. 20,000 lines
 * held ~23 MB in every page worker, for no time measured against 5,000 at 10,000 pages.
 */
const LINE_LIMIT = 5_000;
const INTERN_LIMIT = 100_000;

export class LineCache {
  private lines = new Map<string, CachedLine>();
  private ids = new WeakMap<object, number>();
  private interned = new Map<string, number>();
  private readonly grammars = new WeakMap<IGrammar, number>();
  private lastGrammar = 0;

  /**
   * A key for `line` tokenized by `grammar` from `state` (null: the first line). By grammar
   * object: shiki replaces a grammar when a language it embeds is loaded later.
   */
  key(grammar: IGrammar, state: StateStack | null, line: string): string {
    let g = this.grammars.get(grammar);
    if (g === undefined) {
      g = ++this.lastGrammar;
      this.grammars.set(grammar, g);
    }
    return `${g}\u0000${state === null ? 0 : this.frame(state as unknown as Frame)}\u0000${line}`;
  }

  get(key: string): CachedLine | undefined {
    return this.lines.get(key);
  }

  set(key: string, html: string, end: StateStack): void {
    if (this.interned.size > INTERN_LIMIT) this.clear();
    this.lines.set(key, { html, end });
    if (this.lines.size > LINE_LIMIT) this.lines.delete(this.lines.keys().next().value!);
  }

  clear(): void {
    this.lines = new Map();
    this.ids = new WeakMap();
    this.interned = new Map();
  }

  private intern(key: string): number {
    let id = this.interned.get(key);
    if (id === undefined) {
      id = this.interned.size + 1;
      this.interned.set(key, id);
    }
    return id;
  }

  private frame(f: Frame): number {
    let id = this.ids.get(f);
    if (id === undefined) {
      const parent = f.parent === null ? 0 : this.frame(f.parent);
      const names = f.nameScopesList === null ? 0 : this.scopes(f.nameScopesList);
      const contents = f.contentNameScopesList === null ? 0 : this.scopes(f.contentNameScopesList);
      // endRule last: it is pattern text and may hold any character.
      const eol = f.beginRuleCapturedEOL ? 1 : 0;
      const end = f.endRule === null ? "n" : `s${f.endRule}`;
      id = this.intern(`f${parent},${f.ruleId},${eol},${names},${contents},${end}`);
      this.ids.set(f, id);
    }
    return id;
  }

  private scopes(list: ScopeList): number {
    let id = this.ids.get(list);
    if (id === undefined) {
      const parent = list.parent === null ? 0 : this.scopes(list.parent);
      id = this.intern(`l${parent},${this.path(list.scopePath)},${list.tokenAttributes}`);
      this.ids.set(list, id);
    }
    return id;
  }

  private path(p: ScopePath): number {
    let id = this.ids.get(p);
    if (id === undefined) {
      const parent = p.parent === null ? 0 : this.path(p.parent);
      id = this.intern(`p${parent},${p.scopeName}`);
      this.ids.set(p, id);
    }
    return id;
  }
}
