/** A code highlighter ready to use synchronously (languages are loaded up front or by `prepare`). */
export interface Highlighter {
  /**
   * A complete `<pre>` block. `known: false` means the language is not available; the code is then
   * shown as escaped plain text.
   */
  highlight(code: string, lang: string): { html: string; known: boolean };
  /** Loads languages not in the preloaded set, so later `highlight` calls for them are known. */
  prepare(langs: readonly string[]): Promise<void>;
}
