import type { Marked, MarkedExtension, Token, Tokens, TokensList } from "marked";
import type { Heading } from "../../model/render.ts";
import type { FootnoteDefToken, FootnoteRefToken } from "./extensions.ts";
import { createSlugger } from "./slug.ts";
import { childTokens, plainText } from "./text.ts";

/** A heading token after `lexMarkdown`: its final id, `{#custom}` already cut from the text. */
export interface HeadingToken extends Tokens.Heading {
  id?: string;
}

/** The lexed document plus the facts both the renderer and the language server need. */
export interface LexedMarkdown {
  readonly tokens: TokensList;
  /** The body with line endings normalized to `\n` (what `token.raw` refers to). */
  readonly source: string;
  readonly headings: Heading[];
  /** Every id the rendered HTML will carry, in document order. */
  readonly anchors: string[];
  /** Referenced footnote definitions in number order; unreferenced ones are not rendered. */
  readonly footnotes: FootnoteDefToken[];
  /** Ids of each footnote's references, for the back links. */
  readonly footnoteRefIds: ReadonlyMap<string, string[]>;
}

const CUSTOM_ID = /[ \t]*\{#([^\s{}#]+)\}[ \t]*$/;
const TAG = /<[a-zA-Z][^>]*>/g;
const ID_ATTR = /\s(id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

/** A setext underline: the line that turns the paragraph text above it into a heading. */
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
/**
 * Lines a setext heading's text never runs across: blank lines, list items, fences, quotes,
 * ATX headings and rules (a subset of marked's own `lheading` exclusions, so stopping is safe).
 */
const SETEXT_STOP =
  /^(?:\s*$| {0,3}(?:[*+-]|\d{1,9}[.)]) | {0,3}(?:`{3,}|~{3,})| {0,3}>| {0,3}#{1,6}(?:\s|$)| {0,3}(?:(?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})$)/;

/** Whether an underline can end a setext heading starting at `src` (false only when it surely cannot). */
function mayBeSetext(src: string): boolean {
  let at = src.indexOf("\n");
  while (at >= 0) {
    const next = src.indexOf("\n", at + 1);
    const line = src.slice(at + 1, next < 0 ? src.length : next);
    if (SETEXT_UNDERLINE.test(line)) return true;
    if (SETEXT_STOP.test(line)) return false;
    at = next;
  }
  return false;
}

/**
 * marked tries its setext-heading regex before every paragraph, and on JavaScriptCore that regex
 * costs ~80 ns per character of a long paragraph: most of the lexing time of a typical page. This
 * skips it when no underline can follow, and otherwise defers to marked, so tokens are identical.
 */
export const setextPrefilter: MarkedExtension = {
  tokenizer: {
    lheading(src) {
      return mayBeSetext(src) ? false : undefined;
    },
  },
};

/** Visits tokens in document order, table cells and list items included; footnote bodies are skipped. */
export function forEachToken(tokens: readonly Token[], visit: (token: Token) => void): void {
  for (const t of tokens) {
    visit(t);
    if (t.type === "footnoteDef") continue;
    if (t.type === "list") forEachToken((t as Tokens.List).items, visit);
    else if (t.type === "table") {
      const table = t as Tokens.Table;
      for (const cell of table.header) forEachToken(cell.tokens, visit);
      for (const row of table.rows) for (const cell of row) forEachToken(cell.tokens, visit);
    } else {
      const children = childTokens(t);
      if (children) forEachToken(children, visit);
    }
  }
}

/** Ids set by raw HTML: `id` on any tag, `name` on `<a>`. */
export function htmlIds(html: string): string[] {
  const ids: string[] = [];
  for (const tag of html.replace(/<!--[\s\S]*?-->/g, "").match(TAG) ?? []) {
    const isAnchor = /^<a[\s>]/i.test(tag);
    for (const m of tag.matchAll(ID_ATTR)) {
      if (m[1]!.toLowerCase() === "name" && !isAnchor) continue;
      const id = m[2] ?? m[3] ?? m[4] ?? "";
      if (id !== "") ids.push(id);
    }
  }
  return ids;
}

/** Cuts a trailing `{#custom-id}` from a heading's text tokens and returns the id. */
function takeCustomId(heading: HeadingToken): string | undefined {
  const m = CUSTOM_ID.exec(heading.text);
  if (!m) return undefined;
  const last = heading.tokens.at(-1);
  if (last?.type !== "text") return undefined;
  const text = last as Tokens.Text;
  const cut = CUSTOM_ID.exec(text.text);
  if (!cut) return undefined;
  text.text = text.text.slice(0, cut.index);
  heading.text = heading.text.slice(0, m.index);
  if (text.text === "") heading.tokens.pop();
  return m[1];
}

/**
 * Lexes once and settles every id: custom heading ids, raw HTML ids and footnote ids are claimed
 * first so that generated heading slugs never collide with them.
 */
export function lexMarkdown(marked: Marked, body: string): LexedMarkdown {
  const source = body.includes("\r") ? body.replace(/\r\n?/g, "\n") : body;
  const tokens = marked.lexer(source);

  const headingTokens: HeadingToken[] = [];
  const defs = new Map<string, FootnoteDefToken>();
  const anchorsInOrder: Array<{ kind: "heading"; token: HeadingToken } | { kind: "id"; id: string }> = [];
  const collect = (t: Token) => {
    if (t.type === "heading") {
      headingTokens.push(t as HeadingToken);
      anchorsInOrder.push({ kind: "heading", token: t as HeadingToken });
    } else if (t.type === "html") {
      for (const id of htmlIds((t as Tokens.HTML).text)) anchorsInOrder.push({ kind: "id", id });
    } else if (t.type === "footnoteDef") {
      const def = t as unknown as FootnoteDefToken;
      if (!defs.has(def.label)) defs.set(def.label, def);
    }
  };
  forEachToken(tokens, collect);

  // Footnotes are numbered by first reference; a footnote's own body may reference others.
  const footnotes: FootnoteDefToken[] = [];
  const refIds = new Map<string, string[]>();
  const numberRefs = (t: Token) => {
    if (t.type !== "footnoteRef") return;
    const ref = t as unknown as FootnoteRefToken;
    const def = defs.get(ref.label);
    if (!def) return;
    let ids = refIds.get(ref.label);
    if (!ids) {
      ids = [];
      refIds.set(ref.label, ids);
      footnotes.push(def);
    }
    ref.index = footnotes.indexOf(def) + 1;
    ref.refId = `fnref-${ref.label}${ids.length === 0 ? "" : `-${ids.length + 1}`}`;
    ids.push(ref.refId);
  };
  // Without definitions no reference gets a number: the walk would change nothing.
  if (defs.size > 0) forEachToken(tokens, numberRefs);
  for (let i = 0; i < footnotes.length; i++) {
    const def = footnotes[i]!;
    forEachToken(def.tokens, numberRefs);
    forEachToken(def.tokens, collect);
  }

  const slugger = createSlugger();
  const customIds = new Map<HeadingToken, string>();
  for (const h of headingTokens) {
    const custom = takeCustomId(h);
    if (custom !== undefined) customIds.set(h, slugger.reserve(custom));
  }
  for (const a of anchorsInOrder) if (a.kind === "id") slugger.reserve(a.id);
  for (const def of footnotes) slugger.reserve(`fn-${def.label}`);
  for (const ids of refIds.values()) for (const id of ids) slugger.reserve(id);

  const headings: Heading[] = [];
  const anchors: string[] = [];
  for (const a of anchorsInOrder) {
    if (a.kind === "id") {
      anchors.push(a.id);
      continue;
    }
    const text = plainText(a.token.tokens).trim();
    a.token.id = customIds.get(a.token) ?? slugger.slug(text);
    headings.push({ level: a.token.depth, text, id: a.token.id });
    anchors.push(a.token.id);
  }
  for (const def of footnotes) {
    anchors.push(`fn-${def.label}`);
    anchors.push(...refIds.get(def.label)!);
  }
  return { tokens, source, headings, anchors: [...new Set(anchors)], footnotes, footnoteRefIds: refIds };
}
