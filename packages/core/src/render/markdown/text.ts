import type { Token, Tokens } from "marked";

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** Decodes the entities a heading or link text commonly holds; unknown names stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]+);/g, (all, ref: string) => {
    if (ref[0] === "#") {
      const code =
        ref[1] === "x" || ref[1] === "X"
          ? Number.parseInt(ref.slice(2), 16)
          : Number.parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
        ? String.fromCodePoint(code)
        : all;
    }
    return NAMED[ref] ?? all;
  });
}

/** A token's inline or block children, whatever its type. */
export function childTokens(token: Token): Token[] | undefined {
  return (token as Tokens.Generic).tokens;
}

/** The text a reader sees for inline tokens (what `textContent` would give), without markup. */
export function plainText(tokens: readonly Token[] | undefined): string {
  if (!tokens) return "";
  let out = "";
  for (const t of tokens) {
    switch (t.type) {
      case "text":
        out += t.tokens ? plainText(t.tokens) : decodeEntities((t as Tokens.Text).text);
        break;
      case "escape":
      case "codespan":
        out += (t as Tokens.Codespan).text;
        break;
      case "image":
        out += decodeEntities((t as Tokens.Image).text);
        break;
      case "br":
        out += " ";
        break;
      case "html":
      case "checkbox":
      case "footnoteRef":
        break;
      default:
        out += plainText(childTokens(t));
    }
  }
  return out;
}
