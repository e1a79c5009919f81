import { createHighlighterCore, type HighlighterCore } from "shiki/core";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";
import { bundledLanguages } from "shiki/langs";
import { bundledThemes } from "shiki/themes";
import type { HighlightConfig } from "../../model/config.ts";
import { escapeHtml } from "../markdown/text.ts";
import { styleVars, ThemeResolver, type TokenStyle } from "./tokens.ts";
import type { BlockStore, Highlighter } from "./types.ts";

export type { BlockStore, Highlighter } from "./types.ts";

/** Loaded with the highlighter: what most documentation sites fence. Others load via `prepare`. */
export const PRELOADED_LANGUAGES = [
  "javascript",
  "typescript",
  "jsx",
  "tsx",
  "json",
  "shellscript",
  "python",
  "rust",
  "go",
  "toml",
  "yaml",
  "html",
  "css",
  "markdown",
  "diff",
  "sql",
  "java",
  "c",
  "cpp",
] as const;

const PLAIN = new Set(["", "text", "txt", "plain", "plaintext"]);
const CACHE_LIMIT = 5000;
/**
 * No time limit: the first lines a process tokenizes run cold (regex compilation, JIT) and can
 * exceed any limit, and a line cut short by a limit is coloured differently — output would then
 * depend on timing, not input.
 */
const TOKENIZE_TIME_LIMIT_MS = 0;

type LangKey = keyof typeof bundledLanguages;

function isBundled(lang: string): lang is LangKey {
  return Object.hasOwn(bundledLanguages, lang);
}

/**
 * Creates the highlighter for one `[markdown.highlight]` config (call once per worker).
 * Uses shiki's JavaScript regex engine (no WASM start-up) and tokenizes each block once for both
 * themes; the output carries `--shiki-light`/`--shiki-dark` variables that the theme's CSS switches.
 * Throws when a theme name is not one of shiki's bundled themes.
 */
export async function createHighlighter(config: HighlightConfig, store?: BlockStore): Promise<Highlighter> {
  for (const name of [config.light, config.dark]) {
    if (!Object.hasOwn(bundledThemes, name)) throw new Error(`Unknown highlight theme "${name}"`);
  }
  const core: HighlighterCore = await createHighlighterCore({
    themes: [
      bundledThemes[config.light as keyof typeof bundledThemes](),
      bundledThemes[config.dark as keyof typeof bundledThemes](),
    ],
    langs: PRELOADED_LANGUAGES.map((l) => bundledLanguages[l]()),
    engine: createJavaScriptRegexEngine({ forgiving: true }),
  });
  const light = core.getTheme(config.light);
  const dark = core.getTheme(config.dark);
  const resolvers = [new ThemeResolver(light), new ThemeResolver(dark)] as const;
  const preStyle = `--shiki-light:${light.fg};--shiki-dark:${dark.fg};--shiki-light-bg:${light.bg};--shiki-dark-bg:${dark.bg}`;
  const numbered = config.line_numbers ? " line-numbers" : "";
  const preOpen = `<pre class="shiki shiki-themes ${escapeHtml(light.name)} ${escapeHtml(dark.name)}${numbered}" style="${preStyle}" tabindex="0"><code>`;
  const loaded = new Set<string>(core.getLoadedLanguages());
  const cache = new Map<string, string>();
  // Persisted blocks are only valid for the same themes and options.
  const storeKey = `${config.light}\u0000${config.dark}\u0000${numbered}\u0000`;
  const spanCache = new Map<string, string>();

  const open = (styles: readonly [TokenStyle, TokenStyle]): string => {
    const key = `${styles[0].color}|${styles[0].fontStyle}|${styles[1].color}|${styles[1].fontStyle}`;
    let span = spanCache.get(key);
    if (!span) {
      span = `<span style="${styleVars("light", styles[0])};${styleVars("dark", styles[1])}">`;
      spanCache.set(key, span);
    }
    return span;
  };

  const plain = (code: string): string =>
    `${preOpen}${code
      .split(/\r?\n/)
      .map((line) => `<span class="line">${escapeHtml(line)}</span>`)
      .join("\n")}</code></pre>`;

  const tokenized = (code: string, lang: string): string => {
    const grammar = core.getLanguage(lang);
    let stack = null as Parameters<typeof grammar.tokenizeLine>[1];
    const out: string[] = [];
    for (const line of code.split(/\r?\n/)) {
      if (line === "") {
        out.push('<span class="line"></span>');
        continue;
      }
      const result = grammar.tokenizeLine(line, stack, TOKENIZE_TIME_LIMIT_MS);
      stack = result.ruleStack;
      let html = '<span class="line">';
      let span = "";
      let text = "";
      for (const token of result.tokens) {
        const piece = line.slice(token.startIndex, token.endIndex);
        if (piece === "") continue;
        // Whitespace shows no color: it joins a neighbouring span rather than starting its own.
        if (piece.trim() === "") {
          text += piece;
          continue;
        }
        const next = open([resolvers[0].style(token.scopes), resolvers[1].style(token.scopes)]);
        if (next !== span && span !== "") {
          html += `${span}${escapeHtml(text)}</span>`;
          text = "";
        }
        span = next;
        text += piece;
      }
      html += span === "" ? escapeHtml(text) : `${span}${escapeHtml(text)}</span>`;
      out.push(`${html}</span>`);
    }
    return `${preOpen}${out.join("\n")}</code></pre>`;
  };

  const resolve = (lang: string): string | null => {
    const id = lang.toLowerCase();
    if (PLAIN.has(id)) return "text";
    return loaded.has(id) ? id : null;
  };

  return {
    highlight(code, lang) {
      const id = resolve(lang);
      const key = `${id ?? "\u0001"}\u0000${code}`;
      const hit = cache.get(key);
      if (hit !== undefined) {
        cache.delete(key);
        cache.set(key, hit);
        return { html: hit, known: id !== null };
      }
      const stored = store && id !== null && id !== "text" ? store.get(storeKey + key) : undefined;
      const html = stored ?? (id === null || id === "text" ? plain(code) : tokenized(code, id));
      if (store && stored === undefined && id !== null && id !== "text") store.set(storeKey + key, html);
      cache.set(key, html);
      if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
      return { html, known: id !== null };
    },
    dispose() {
      core.dispose();
      cache.clear();
    },
    async prepare(langs) {
      const missing = [...new Set(langs.map((l) => l.toLowerCase()))].filter(
        (l) => !PLAIN.has(l) && !loaded.has(l) && isBundled(l),
      );
      if (missing.length === 0) return;
      await core.loadLanguage(...missing.map((l) => bundledLanguages[l as LangKey]()));
      for (const l of core.getLoadedLanguages()) loaded.add(l);
    },
  };
}

const FENCE = /^ {0,3}(?:```|~~~)[ \t]*([^\s`{]+)/gm;

/** Languages named by code fences in a body, cheaply (no lexing), to `prepare` before rendering. */
export function fenceLanguages(body: string): string[] {
  const langs = new Set<string>();
  for (const m of body.matchAll(FENCE)) langs.add(m[1]!);
  return [...langs];
}
