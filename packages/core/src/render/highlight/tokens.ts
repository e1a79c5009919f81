import type { ThemeRegistrationResolved } from "shiki/core";
import { Theme } from "shiki/textmate";

/**
 * Resolves one tokenization's scopes against several themes. shiki's multi-theme output runs the
 * grammar once per theme (2.5x the cost of one); the grammar's scopes do not depend on the theme,
 * so we tokenize once and look each distinct scope stack up in every theme (cached).
 */

export interface TokenStyle {
  readonly color: string;
  readonly fontStyle: number;
}

type ScopePath = Parameters<Theme["match"]>[0];

/** vscode-textmate's FontStyle bits (a const enum there). */
const NOT_SET = -1;
const ITALIC = 1;
const BOLD = 2;
const UNDERLINE = 4;
const STRIKETHROUGH = 8;

export class ThemeResolver {
  private readonly theme: Theme;
  private readonly colors: string[];
  private readonly replacements: Record<string, string>;
  private readonly cache = new Map<string, TokenStyle>();
  private readonly defaults: { fontStyle: number; foregroundId: number };

  constructor(resolved: ThemeRegistrationResolved) {
    this.theme = Theme.createFromRawTheme(resolved);
    this.colors = this.theme.getColorMap();
    this.replacements = resolved.colorReplacements ?? {};
    this.defaults = this.theme.getDefaults();
  }

  /** The style vscode-textmate would give a token with these scopes (root first). */
  style(scopes: readonly string[]): TokenStyle {
    const key = scopes.join(" ");
    const hit = this.cache.get(key);
    if (hit) return hit;
    let fontStyle = this.defaults.fontStyle;
    let foreground = this.defaults.foregroundId;
    let path: ScopePath = null;
    for (const scopeName of scopes) {
      path = { parent: path, scopeName } as unknown as ScopePath;
      const match = this.theme.match(path);
      if (!match) continue;
      if (match.fontStyle !== NOT_SET) fontStyle = match.fontStyle;
      if (match.foregroundId !== 0) foreground = match.foregroundId;
    }
    const raw = this.colors[foreground] ?? "";
    const style = { color: this.replacements[raw.toLowerCase()] ?? raw, fontStyle };
    this.cache.set(key, style);
    return style;
  }
}

interface ScopeNode {
  readonly next: Map<string, ScopeNode>;
  span: string | undefined;
}

/**
 * The opening `<span style=…>` of a token for both themes, by its scope stack. Looked up scope by
 * scope in a tree (no joined key string per token); equal styles share one string, so comparing
 * neighbouring tokens' spans is a pointer comparison.
 */
export class SpanTable {
  private readonly root: ScopeNode = { next: new Map(), span: undefined };
  private readonly spans = new Map<string, string>();

  constructor(
    private readonly light: ThemeResolver,
    private readonly dark: ThemeResolver,
  ) {}

  open(scopes: readonly string[]): string {
    let node = this.root;
    for (const scope of scopes) {
      let child = node.next.get(scope);
      if (!child) {
        child = { next: new Map(), span: undefined };
        node.next.set(scope, child);
      }
      node = child;
    }
    node.span ??= this.build(scopes);
    return node.span;
  }

  private build(scopes: readonly string[]): string {
    const light = this.light.style(scopes);
    const dark = this.dark.style(scopes);
    const key = `${light.color}|${light.fontStyle}|${dark.color}|${dark.fontStyle}`;
    let span = this.spans.get(key);
    if (!span) {
      span = `<span style="${styleVars("light", light)};${styleVars("dark", dark)}">`;
      this.spans.set(key, span);
    }
    return span;
  }
}

/** `--shiki-<name>:…` declarations for one theme's style of a token. */
export function styleVars(name: string, style: TokenStyle): string {
  let css = `--shiki-${name}:${style.color}`;
  const f = style.fontStyle;
  if (f > 0) {
    if (f & ITALIC) css += `;--shiki-${name}-font-style:italic`;
    if (f & BOLD) css += `;--shiki-${name}-font-weight:bold`;
    const deco = [f & UNDERLINE ? "underline" : "", f & STRIKETHROUGH ? "line-through" : ""];
    const decoration = deco.filter(Boolean).join(" ");
    if (decoration) css += `;--shiki-${name}-text-decoration:${decoration}`;
  }
  return css;
}
