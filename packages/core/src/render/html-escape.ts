/**
 * `& < > " '` as entities (`'` as `&#39;`) and nothing else: hono's five escapes, so layouts
 * rendered by our runtime stay byte-identical to hono's (`layouts/html-runtime.test.ts`), and the
 * same for markdown and highlighted code. Short strings (most code tokens) are scanned character
 * by character; a longer one first asks the regex engine for the first character to escape and
 * comes back as it is when there is none (each way measured faster for its kind of string).
 */
const NEEDS_ESCAPE = /[&<>'"]/;
const SHORT = 32;

export function escapeHtml(text: string): string {
  const first = text.length < SHORT ? 0 : text.search(NEEDS_ESCAPE);
  if (first === -1) return text;
  let out = "";
  let last = 0;
  for (let i = first; i < text.length; i++) {
    let entity: string;
    switch (text.charCodeAt(i)) {
      case 34:
        entity = "&quot;";
        break;
      case 39:
        entity = "&#39;";
        break;
      case 38:
        entity = "&amp;";
        break;
      case 60:
        entity = "&lt;";
        break;
      case 62:
        entity = "&gt;";
        break;
      default:
        continue;
    }
    out += text.substring(last, i) + entity;
    last = i + 1;
  }
  return last === 0 ? text : out + text.substring(last);
}
