/** A code highlighter ready to use synchronously (languages are loaded up front or by `prepare`). */
export interface Highlighter {
  /**
   * A complete `<pre>` block. `known: false` means the language is not available; the code is then
   * shown as escaped plain text.
   */
  highlight(code: string, lang: string): { html: string; known: boolean };
  /** Loads languages not in the preloaded set, so later `highlight` calls for them are known. */
  prepare(langs: readonly string[]): Promise<void>;
  /** Releases the shiki instance (a build creates one per render context). */
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
