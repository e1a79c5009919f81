import type { ShikiPrimitive } from "@shikijs/primitive";
import type { LanguageRegistration } from "shiki/core";
import { bundledLanguages } from "shiki/langs";
import type { IToken } from "shiki/textmate";
import { bundledThemes } from "shiki/themes";
import type { HighlightConfig } from "../../model/config.ts";
import { escapeHtml } from "../html-escape.ts";
import type { LineCache } from "./line-cache.ts";
import type { SpanTable } from "./tokens.ts";
import type { BlockStore, Highlighter, HighlightResult } from "./types.ts";

export type { BlockStore, Highlighter, HighlightResult } from "./types.ts";

/**
 * The languages documentation sites fence most: the environment every block is highlighted in.
 * A grammar is loaded when a block first needs it; one that reaches into grammars outside its own
 * module (markdown's fences, say) gets all of these first, so each block is highlighted in the
 * same set of grammars whatever was highlighted before it (see `ready`).
 */
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

/** Names the preloaded grammars register that are not bundled language ids (cpp's embedded macro grammar). */
export const EMBEDDED_NAMES = ["cpp-macro"] as const;

const PLAIN = new Set(["", "text", "txt", "plain", "plaintext"]);
const EMBEDDED = new Set<string>(EMBEDDED_NAMES);
/** The bundled language whose module registers each embedded name. */
const EMBEDDED_IN: Readonly<Record<(typeof EMBEDDED_NAMES)[number], LangKey>> = { "cpp-macro": "cpp" };
/**
 * Highlighted blocks kept in memory, in characters of HTML (~6 KB a block of ~15 lines). In a
 * build every new block also goes to the block store, so memory only has to catch a block
 * repeated within a few pages; 5,000 blocks of any size held ~60 MB in every page worker.
 */
const CACHE_CHARS = 1_000_000;
/**
 * No time limit: the first lines a process tokenizes run cold (regex compilation, JIT) and can
 * exceed any limit, and a line cut short by a limit is coloured differently — output would then
 * depend on timing, not input.
 */
const TOKENIZE_TIME_LIMIT_MS = 0;
const NOT_BLANK = /\S/;

type LangKey = keyof typeof bundledLanguages;
type ThemeKey = keyof typeof bundledThemes;

function isBundled(lang: string): lang is LangKey {
  return Object.hasOwn(bundledLanguages, lang);
}

interface Engine {
  readonly core: ShikiPrimitive;
  readonly spans: SpanTable;
  readonly preOpen: string;
  readonly lines: LineCache;
}

/**
 * A highlighter for one `[markdown.highlight]` config. shiki (its JavaScript regex engine, the
 * themes, the preloaded grammars) is created on the first block found in neither the memory cache
 * nor the block store, so a rebuild whose blocks are all stored never pays for it. Each block is
 * tokenized once for both themes; the output carries `--shiki-light`/`--shiki-dark` variables
 * that the theme's CSS switches. Rejects when a theme name is not one of shiki's bundled themes.
 */
export async function createHighlighter(config: HighlightConfig, store?: BlockStore): Promise<Highlighter> {
  for (const name of [config.light, config.dark]) {
    if (!Object.hasOwn(bundledThemes, name)) throw new Error(`Unknown highlight theme "${name}"`);
  }
  const numbered = config.line_numbers ? " line-numbers" : "";
  const cache = new Map<string, string>();
  // Persisted blocks are only valid for the same themes and options.
  const storeKey = `${config.light}\u0000${config.dark}\u0000${numbered}\u0000`;
  let engine: Promise<Engine> | null = null;
  let loaded = new Set<string>();
  // Plain blocks need the themes' colours, not shiki: read from the theme modules alone.
  let plainOpen: Promise<string> | null = null;

  const startEngine = async (): Promise<Engine> => {
    // Imported here: shiki's registry and our engine cost ~10 ms to load, which a rebuild whose
    // blocks are all stored would pay for nothing. The registry without shiki/core's HTML
    // output (hast-util-to-html and its tables, ~9 ms more to load): tokens are all we ask.
    const [
      { createShikiPrimitiveAsync },
      { createRegexEngine },
      { loadRegexTable },
      { SpanTable, ThemeResolver },
      { LineCache },
    ] = await Promise.all([
      import("@shikijs/primitive"),
      import("./engine.ts"),
      import("./regex-table.ts"),
      import("./tokens.ts"),
      import("./line-cache.ts"),
    ]);
    // No grammar yet: loading all the preloaded ones took ~60 ms of a process's first block,
    // most of them for languages the site never fences.
    const core = await createShikiPrimitiveAsync({
      themes: [bundledThemes[config.light as ThemeKey](), bundledThemes[config.dark as ThemeKey]()],
      langs: [],
      engine: createRegexEngine(await loadRegexTable()),
    });
    const light = core.getTheme(config.light);
    const dark = core.getTheme(config.dark);
    loaded = new Set(core.getLoadedLanguages());
    return {
      core,
      spans: new SpanTable(new ThemeResolver(light), new ThemeResolver(dark)),
      preOpen: await preOpenTag(),
      lines: new LineCache(),
    };
  };

  const preOpenTag = (): Promise<string> => {
    plainOpen ??= (async () => {
      const { light, dark } = await resolvedThemes(config.light as ThemeKey, config.dark as ThemeKey);
      const style = `--shiki-light:${light.fg};--shiki-dark:${dark.fg};--shiki-light-bg:${light.bg};--shiki-dark-bg:${dark.bg}`;
      return `<pre class="shiki shiki-themes ${escapeHtml(light.name)} ${escapeHtml(dark.name)}${numbered}" style="${style}" tabindex="0"><code>`;
    })();
    return plainOpen;
  };

  let everyPreloaded = false;
  const ready = async (lang: string): Promise<Engine> => {
    engine ??= startEngine();
    const e = await engine;
    const key = EMBEDDED.has(lang) ? EMBEDDED_IN[lang as keyof typeof EMBEDDED_IN] : lang;
    if (!loaded.has(lang) && isBundled(key)) {
      const module = await bundledLanguages[key]();
      if (!everyPreloaded && reachesOutside(module.default)) {
        // As if every preloaded grammar had been there from the start, as they once were.
        everyPreloaded = true;
        const missing = PRELOADED_LANGUAGES.filter((l) => !loaded.has(l));
        await e.core.loadLanguage(...missing.map((l) => bundledLanguages[l]()));
      }
      await e.core.loadLanguage(module);
      for (const l of e.core.getLoadedLanguages()) loaded.add(l);
    }
    return e;
  };

  const plain = (preOpen: string, code: string): string =>
    `${preOpen}${code
      .split(/\r?\n/)
      .map((line) => `<span class="line">${escapeHtml(line)}</span>`)
      .join("\n")}</code></pre>`;

  let cachedChars = 0;
  const remember = (key: string, html: string) => {
    cache.set(key, html);
    cachedChars += html.length;
    while (cachedChars > CACHE_CHARS && cache.size > 1) {
      const [oldest, dropped] = cache.entries().next().value!;
      cache.delete(oldest);
      cachedChars -= dropped.length;
    }
  };

  return {
    async highlight(code, lang): Promise<HighlightResult> {
      const id = lang.toLowerCase();
      if (PLAIN.has(id)) return { html: plain(await preOpenTag(), code), known: true };
      if (!isBundled(id) && !EMBEDDED.has(id)) return { html: plain(await preOpenTag(), code), known: false };
      const key = `${id}\u0000${code}`;
      const hit = cache.get(key);
      if (hit !== undefined) {
        cache.delete(key);
        cache.set(key, hit);
        return { html: hit, known: true };
      }
      const stored = store?.get(storeKey + key);
      if (stored !== undefined) {
        remember(key, stored);
        return { html: stored, known: true };
      }
      const html = tokenized(await ready(id), code, id);
      store?.set(storeKey + key, html);
      remember(key, html);
      return { html, known: true };
    },
    get started() {
      return engine !== null;
    },
    dispose() {
      engine?.then((e) => e.core.dispose()).catch(() => undefined);
      engine = null;
      cache.clear();
      cachedChars = 0;
    },
  };
}

/**
 * Whether a language module's grammars include a scope it does not register itself (markdown's
 * fenced languages, a heredoc's): those are found only when loaded, so highlighting would depend
 * on what was highlighted before. Walked once per language, when it is first loaded.
 */
function reachesOutside(registrations: readonly LanguageRegistration[]): boolean {
  const own = new Set(registrations.map((r) => r.scopeName));
  if (registrations.some((r) => (r.embeddedLangsLazy?.length ?? 0) > 0 || (r.injectTo?.length ?? 0) > 0))
    return true;
  let outside = false;
  const visit = (value: unknown): void => {
    if (outside || value === null || typeof value !== "object") return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
      return;
    }
    for (const [k, v] of Object.entries(value)) {
      if (k === "include" && typeof v === "string" && !v.startsWith("#") && v !== "$self" && v !== "$base") {
        if (!own.has(v.split("#", 1)[0]!)) outside = true;
      } else visit(v);
    }
  };
  for (const r of registrations) visit(r);
  return outside;
}

/** The two themes as shiki resolves them (`fg`, `bg`, `name`), without creating shiki. */
async function resolvedThemes(
  lightName: ThemeKey,
  darkName: ThemeKey,
): Promise<{ light: ResolvedColors; dark: ResolvedColors }> {
  const [light, dark, { normalizeTheme }] = await Promise.all([
    bundledThemes[lightName](),
    bundledThemes[darkName](),
    import("@shikijs/primitive"),
  ]);
  return { light: normalizeTheme(light.default), dark: normalizeTheme(dark.default) };
}

interface ResolvedColors {
  readonly name: string;
  readonly fg: string;
  readonly bg: string;
}

/** One block's HTML: one tokenization, each token's style for both themes from its scope stack. */
function tokenized(engine: Engine, code: string, lang: string): string {
  const grammar = engine.core.getLanguage(lang);
  let stack = null as Parameters<typeof grammar.tokenizeLine>[1];
  let out = "";
  let first = true;
  for (const line of code.split(/\r?\n/)) {
    if (!first) out += "\n";
    first = false;
    if (line === "") {
      out += '<span class="line"></span>';
      continue;
    }
    const key = engine.lines.key(grammar, stack, line);
    const hit = engine.lines.get(key);
    if (hit) {
      out += hit.html;
      stack = hit.end;
      continue;
    }
    const result = grammar.tokenizeLine(line, stack, TOKENIZE_TIME_LIMIT_MS);
    stack = result.ruleStack;
    const html = lineHtml(engine.spans, line, result.tokens);
    engine.lines.set(key, html, stack);
    out += html;
  }
  return `${engine.preOpen}${out}</code></pre>`;
}

function lineHtml(spans: SpanTable, line: string, tokens: readonly IToken[]): string {
  let html = '<span class="line">';
  let span = "";
  let text = "";
  for (const token of tokens) {
    if (token.endIndex <= token.startIndex) continue;
    const piece = line.slice(token.startIndex, token.endIndex);
    // Whitespace shows no color: it joins a neighbouring span rather than starting its own.
    if (!NOT_BLANK.test(piece)) {
      text += piece;
      continue;
    }
    const next = spans.open(token.scopes);
    if (next !== span && span !== "") {
      html += `${span}${escapeHtml(text)}</span>`;
      text = "";
    }
    span = next;
    text += piece;
  }
  html += span === "" ? escapeHtml(text) : `${span}${escapeHtml(text)}</span>`;
  return `${html}</span>`;
}
