import { attribute, type StartTag } from "./html-tag.ts";

export const HTML_NS = 0;
const SVG_NS = 1;
const MATH_NS = 2;

/** Start tags that end foreign (SVG/MathML) content. */
const FOREIGN_EXIT = new Set(
  "b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul var".split(
    " ",
  ),
);
const SVG_HTML_POINTS = new Set(["desc", "title", "foreignobject"]);
const MATH_TEXT_POINTS = new Set(["mi", "mo", "mn", "ms", "mtext"]);

/**
 * Which namespace a scan is in, followed the way lol-html (Bun's HTMLRewriter) does without a
 * tree: `<svg>`/`<math>` enter, their end tags leave, some start tags (and `</p>`, `</br>`)
 * break out of foreign content, integration points (`<foreignObject>`, `<mi>`, …) hold HTML again.
 */
export interface Namespaces {
  /** `HTML_NS` when raw-text elements (`<style>`, `<script>`, …) apply and CDATA does not. */
  readonly current: number;
  /** Nothing but HTML is open: end tags change nothing, their names need not be read. */
  readonly plain: boolean;
  /**
   * Follows a start tag; returns whether lol-html reports that element. It does not report a
   * foreign-content start tag it must re-read for its attributes (`<font>`, an integration
   * point, a MathML tag name it cannot hash) when the tag before it was an end tag.
   */
  start(tag: StartTag, afterEndTag: boolean): boolean;
  /**
   * Follows an end tag; returns whether lol-html read it in full (an unhashable name closing a
   * MathML integration point), which, like a start tag, leaves its tokenizer in full mode.
   */
  end(name: string): boolean;
}

export function createNamespaces(): Namespaces {
  const stack: number[] = [HTML_NS];
  let current = HTML_NS;
  const enter = (next: number) => {
    stack.push(next);
    current = next;
  };
  const leave = () => {
    stack.pop();
    current = stack[stack.length - 1]!;
  };
  return {
    get current() {
      return current;
    },
    get plain() {
      return stack.length === 1;
    },
    start(tag, afterEndTag) {
      const name = tag.name;
      if (name === "svg") enter(SVG_NS);
      else if (name === "math") enter(MATH_NS);
      else if (current !== HTML_NS) {
        if (FOREIGN_EXIT.has(name)) {
          leave();
          return true;
        }
        const point = (current === SVG_NS ? SVG_HTML_POINTS : MATH_TEXT_POINTS).has(name);
        const reread = name === "font" || point || (current === MATH_NS && !hashable(name));
        if (name === "font") {
          if (
            attribute(tag, "color") !== null ||
            attribute(tag, "size") !== null ||
            attribute(tag, "face") !== null
          ) {
            leave();
          }
        } else if (point || (current === MATH_NS && name === "annotation-xml" && htmlAnnotation(tag))) {
          if (!tag.selfClosing) enter(HTML_NS);
        }
        return !(reread && afterEndTag);
      }
      return true;
    },
    end(name) {
      if ((current === SVG_NS && name === "svg") || (current === MATH_NS && name === "math")) leave();
      // As the HTML spec's "in foreign content" rule for `</p>` and `</br>`.
      else if (current !== HTML_NS && (name === "p" || name === "br")) leave();
      else if (current === HTML_NS && stack.length >= 2) {
        const prev = stack[stack.length - 2];
        if (
          (prev === MATH_NS && (MATH_TEXT_POINTS.has(name) || name === "annotation-xml")) ||
          (prev === SVG_NS && SVG_HTML_POINTS.has(name))
        ) {
          leave();
        }
        return prev === MATH_NS && !hashable(name);
      }
      return false;
    },
  };
}

/**
 * lol-html compares tag names as 64-bit hashes of 5 bits a character over `a-z` and `1-6`;
 * other names (with `-`, other digits, or too long) have none.
 */
function hashable(name: string): boolean {
  const n = name.length;
  if (n > 13 || (n === 13 && name.charCodeAt(0) > 106)) return false;
  for (let i = 0; i < n; i++) {
    const c = name.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 49 && c <= 54))) return false;
  }
  return true;
}

/** `<annotation-xml encoding="text/html">` holds HTML (the raw value, compared ignoring case). */
function htmlAnnotation(tag: StartTag): boolean {
  const encoding = attribute(tag, "encoding")?.toLowerCase();
  return encoding === "text/html" || encoding === "application/xhtml+xml";
}
