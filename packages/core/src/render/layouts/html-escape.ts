/**
 * HTML escaping exactly as hono's `escapeToBuffer` does it: `& < > " '` in text and attribute values
 * alike, `'` as `&#39;`. Output must stay byte-identical to hono's, so no other character is touched.
 */

const NEEDS_ESCAPE = /[&<>'"]/;

export function escapeHtml(text: string): string {
  const first = text.search(NEEDS_ESCAPE);
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
  return out + text.substring(last);
}
