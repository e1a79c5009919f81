import type { MarkedExtension, Token, Tokens } from "marked";
import { escapeHtml } from "../html-escape.ts";
import type { AdmonitionToken, FootnoteDefToken, FootnoteRefToken } from "./extensions.ts";
import type { HeadingToken } from "./lex.ts";

/** What the HTML renderers need from the page being rendered. */
export interface HtmlContext {
  /** Rewrites a link or image destination; `null` keeps it. */
  resolveLink(href: string): string | null;
  /** A code block's HTML. */
  code(token: Tokens.Code): string;
}

const MORE = /^<!--\s*more\s*-->\s*$/;
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

export function isMoreMarker(token: Token): boolean {
  return token.type === "html" && MORE.test((token as Tokens.HTML).text.trim());
}

function rewrite(ctx: HtmlContext, href: string): string {
  if (href === "" || EXTERNAL.test(href)) return href;
  return ctx.resolveLink(href) ?? href;
}

/**
 * HTML for Bengal's markdown. `context()` gives the page being rendered: a `Marked` instance is
 * built once per options and rendering is synchronous, so the current page is read at call time.
 */
export function htmlExtension(context: () => HtmlContext): MarkedExtension {
  return {
    renderer: {
      heading(token) {
        const id = (token as HeadingToken).id;
        const inner = this.parser.parseInline(token.tokens);
        if (!id) return `<h${token.depth}>${inner}</h${token.depth}>\n`;
        const attr = escapeHtml(id);
        return `<h${token.depth} id="${attr}">${inner}<a class="heading-anchor" href="#${attr}" aria-hidden="true" tabindex="-1">#</a></h${token.depth}>\n`;
      },
      link(token) {
        // Rewriting in place and returning false lets marked's own link HTML (escaping, titles) run.
        token.href = rewrite(context(), token.href);
        return false;
      },
      image(token) {
        token.href = rewrite(context(), token.href);
        return false;
      },
      code(token) {
        return `${context().code(token)}\n`;
      },
      html(token) {
        return isMoreMarker(token) ? "" : token.text;
      },
    },
    extensions: [
      {
        name: "admonition",
        renderer(t) {
          const token = t as AdmonitionToken;
          const kind = escapeHtml(token.kind);
          const title =
            token.title === null ? "" : `<p class="admonition-title">${escapeHtml(token.title)}</p>\n`;
          return `<div class="admonition ${kind}">\n${title}${this.parser.parse(token.tokens)}</div>\n`;
        },
      },
      {
        name: "footnoteRef",
        renderer(t) {
          const token = t as FootnoteRefToken;
          if (token.index === undefined) return escapeHtml(token.raw);
          const label = escapeHtml(token.label);
          return `<sup class="footnote-ref"><a href="#fn-${label}" id="${escapeHtml(token.refId!)}" role="doc-noteref">${token.index}</a></sup>`;
        },
      },
      { name: "footnoteDef", renderer: () => "" },
    ],
  };
}

/** The endnotes list: each footnote with links back to every place it is referenced. */
export function footnotesHtml(
  footnotes: readonly FootnoteDefToken[],
  refIds: ReadonlyMap<string, string[]>,
  parse: (tokens: Token[]) => string,
): string {
  if (footnotes.length === 0) return "";
  const items = footnotes.map((def, i) => {
    const backrefs = (refIds.get(def.label) ?? [])
      .map(
        (id, n) =>
          `<a href="#${escapeHtml(id)}" class="footnote-backref" role="doc-backlink" aria-label="Back to reference ${i + 1}${n > 0 ? `-${n + 1}` : ""}">↩${n > 0 ? `<sup>${n + 1}</sup>` : ""}</a>`,
      )
      .join(" ");
    const body = parse(def.tokens).trimEnd();
    const withBack = body.endsWith("</p>")
      ? `${body.slice(0, -4)} ${backrefs}</p>`
      : `${body}\n<p>${backrefs}</p>`;
    return `<li id="fn-${escapeHtml(def.label)}">\n${withBack}\n</li>`;
  });
  return `<section class="footnotes" role="doc-endnotes">\n<ol>\n${items.join("\n")}\n</ol>\n</section>\n`;
}
