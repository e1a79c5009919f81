export interface HighlightResult {
  /** A complete `<pre>` block. */
  readonly html: string;
  /** false: the language is not available; the code is then shown as escaped plain text. */
  readonly known: boolean;
}

/** A code highlighter; any bundled language is loaded on its first block. */
export interface Highlighter {
  /** Resolves from the memory cache or the block store when it can, tokenizing only on a miss. */
  highlight(code: string, lang: string): Promise<HighlightResult>;
  /** Whether shiki has been created: some block was in neither the memory cache nor the store. */
  readonly started: boolean;
  /** Releases the shiki instance, if one was created. */
  dispose(): void;
}

/**
 * A persistent store of highlighted blocks (the build's cache), so that an unchanged block is
 * never highlighted twice, even across full rebuilds. Keys include the themes and the code.
 */
export interface BlockStore {
  get(key: string): string | undefined;
  set(key: string, html: string): void;
}
