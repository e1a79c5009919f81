import { createNamespaces, HTML_NS } from "./html-namespace.ts";
import { rawTextEnd, skipScriptData } from "./html-raw-text.ts";
import { newStartTag, readTag, type StartTag } from "./html-tag.ts";

const BANG = 33;
const DASH = 45;
const SLASH = 47;
const GT = 62;
const QUESTION = 63;

const isAlpha = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

const NONE: readonly number[] = [];
const PRE_END = "</pre>";

/** Elements whose content is text up to their own end tag (in the HTML namespace). */
const RAW_TEXT = new Set(["title", "textarea", "style", "iframe", "xmp", "noembed", "noframes", "noscript"]);

/**
 * Calls `visit` for every start tag of `html` that carries a `ScannedAttribute`, in document
 * order, finding start tags the way a streaming HTML
 * tokenizer (lol-html, behind Bun's HTMLRewriter) finds them: comments, doctypes, processing
 * instructions, CDATA in SVG/MathML and the text of script/style/textarea/title/… are skipped;
 * a tag cut off by the end of the text is not reported. Which namespace the scan is in is
 * simulated as lol-html does (it decides whether `<style>` starts raw text), without a tree.
 * `codeBlocks` ([start, end) pairs, ascending) are highlighted code blocks whose insides are
 * passed over when the scan meets their `<pre>` in HTML content (`RenderedMarkdown.codeBlocks`).
 */
export function scanStartTags(
  html: string,
  visit: (tag: StartTag) => void,
  codeBlocks: readonly number[] = NONE,
): void {
  const tag = newStartTag(html);
  const ns = createNamespaces();
  let afterEndTag = true;
  const n = html.length;
  let pos = 0;
  let block = 0;
  while (pos < n) {
    const lt = html.indexOf("<", pos);
    if (lt < 0 || lt + 1 >= n) return;
    const c = html.charCodeAt(lt + 1);
    if (isAlpha(c)) {
      const end = readTag(html, lt + 1, tag);
      if (end < 0) return;
      pos = end;
      const inHtml = ns.current === HTML_NS;
      // A tag without any scanned attribute has nothing to report.
      if (ns.start(tag, afterEndTag) && tag.present !== 0) visit(tag);
      afterEndTag = false;
      const name = tag.name;
      if (inHtml) {
        if (name === "pre") {
          while (block < codeBlocks.length && codeBlocks[block + 1]! <= lt) block += 2;
          if (codeBlocks[block] === lt) pos = codeBlockClose(html, codeBlocks[block + 1]!, pos);
        } else if (name === "script") pos = skipScriptData(html, pos);
        else if (RAW_TEXT.has(name)) pos = rawTextEnd(html, pos, name);
        else if (name === "plaintext") return;
      }
      if (pos < 0) return;
    } else if (c === SLASH) {
      const c2 = html.charCodeAt(lt + 2);
      if (isAlpha(c2)) {
        const plain = ns.plain;
        const end = readTag(html, lt + 2, tag, !plain);
        if (end < 0) return;
        pos = end;
        afterEndTag = plain || !ns.end(tag.name);
      } else if (c2 === GT) {
        pos = lt + 3;
      } else {
        if (lt + 2 >= n) return;
        pos = html.indexOf(">", lt + 2) + 1;
        if (pos === 0) return;
      }
    } else if (c === BANG) {
      if (html.startsWith("--", lt + 2)) {
        pos = commentEnd(html, lt + 4);
      } else if (ns.current !== HTML_NS && html.startsWith("[CDATA[", lt + 2)) {
        const close = html.indexOf("]]>", lt + 9);
        pos = close < 0 ? -1 : close + 3;
      } else {
        // Doctype or bogus comment: both end at the first `>`, quotes or not.
        pos = html.indexOf(">", lt + 2) + 1;
        if (pos === 0) return;
      }
      if (pos < 0) return;
    } else if (c === QUESTION) {
      pos = html.indexOf(">", lt + 2) + 1;
      if (pos === 0) return;
    } else {
      pos = lt + 1;
    }
  }
}

/**
 * Where the scan goes on after a highlighted block's `<pre>` (ending at `pos`): at its `</pre>`,
 * read as usual. Inside are only `<code>`, `<span>` and escaped text, which in HTML content carry
 * no link or id and change no state the scan keeps.
 */
function codeBlockClose(html: string, end: number, pos: number): number {
  const close = end - PRE_END.length;
  return close >= pos && html.startsWith(PRE_END, close) ? close : pos;
}

/** After `<!--` at `start`: the index after the comment, or -1 if it never closes. */
function commentEnd(html: string, start: number): number {
  // `<!-->` and `<!--->` are complete (empty) comments.
  if (html.charCodeAt(start) === GT) return start + 1;
  if (html.charCodeAt(start) === DASH && html.charCodeAt(start + 1) === GT) return start + 2;
  let i = html.indexOf("--", start);
  while (i >= 0) {
    const c = html.charCodeAt(i + 2);
    if (c === GT) return i + 3;
    if (c === BANG && html.charCodeAt(i + 3) === GT) return i + 4;
    i = html.indexOf("--", i + 1);
  }
  return -1;
}
