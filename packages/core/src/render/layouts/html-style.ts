/**
 * `style={{ … }}` to CSS text the way hono's `styleObjectForEach` does it (hono/dist/jsx/utils.js, 4.13):
 * camelCase to kebab-case, `px` after numbers except for unitless properties, and properties with
 * unsafe names or values silently dropped.
 */

const INVALID_PROPERTY_CHAR = /[\s"'():;\\/[\]{}\x00-\x1f\x7f-\x9f]/;
const UNITLESS =
  /^(?:a|border-im|column(?:-c|s)|flex(?:$|-[^b])|grid-(?!.*gap)(?:ar|[^a])|font-w|li|or|sca|st|ta|wido|z)|ty$/;
const UNSAFE_VALUE_CHAR = /[;"'\\/[\](){}]/;

function isValidPropertyName(name: string): boolean {
  return name.length > 0 && !INVALID_PROPERTY_CHAR.test(name);
}

/** Unbalanced quotes or brackets, comments left open, `{}` or a top-level `;`: a value that could escape. */
function hasUnsafeValue(value: string): boolean {
  if (!UNSAFE_VALUE_CHAR.test(value)) return false;
  let quote = 0;
  const blocks: number[] = [];
  for (let i = 0, len = value.length; i < len; i++) {
    const c = value.charCodeAt(i);
    if (c === 92) {
      if (i === len - 1) return true;
      i++;
    } else if (quote !== 0) {
      if (c === 10 || c === 12 || c === 13) return true;
      if (c === quote) quote = 0;
    } else if (c === 47 && value.charCodeAt(i + 1) === 42) {
      const end = value.indexOf("*/", i + 2);
      if (end === -1) return true;
      i = end + 1;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 40) blocks.push(41);
    else if (c === 91) blocks.push(93);
    else if (c === 123 || c === 125) return true;
    else if (c === 41 || c === 93) {
      if (blocks[blocks.length - 1] !== c) return true;
      blocks.pop();
    } else if (c === 59 && blocks.length === 0) return true;
  }
  return quote !== 0 || blocks.length !== 0;
}

export function styleText(style: object): string {
  let text = "";
  for (const [k, v] of Object.entries(style)) {
    const key = k[0] === "-" || !/[A-Z]/.test(k) ? k : k.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`);
    if (!isValidPropertyName(key) || v == null) continue;
    let value: string;
    if (typeof v === "number") value = UNITLESS.test(key) ? `${v}` : `${v}px`;
    else if (typeof v === "string") {
      if (hasUnsafeValue(v)) continue;
      value = v;
    } else continue;
    text += `${text ? ";" : ""}${key}:${value}`;
  }
  return text;
}
