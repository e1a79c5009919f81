/**
 * Attribute and tag-name rules of hono's JSX renderer (hono/dist/jsx/base.js and utils.js, 4.13),
 * reproduced so our runtime writes the same bytes: React-style key aliases, SVG camelCase names,
 * `key=""` for true boolean attributes, style objects to CSS text, names hono refuses dropped.
 */
import { escapeHtml } from "../html-escape.ts";
import { styleText } from "./html-style.ts";

/** Thrown when a Promise reaches the renderer: layouts render synchronously. */
export class AsyncRenderError extends Error {}

const KEY_ALIASES: Record<string, string> = {
  __proto__: null as unknown as string,
  className: "class",
  htmlFor: "for",
  crossOrigin: "crossorigin",
  httpEquiv: "http-equiv",
  itemProp: "itemprop",
  fetchPriority: "fetchpriority",
  noModule: "nomodule",
  formAction: "formaction",
};

export function normalizeKey(key: string): string {
  return KEY_ALIASES[key] ?? key;
}

const SVG_KEBAB =
  /^(?:al|basel|clip(?:Path|Rule)$|co|do|fill|fl|fo|gl|let|lig|i|marker[EMS]|o|pai|pointe|sh|st[or]|text[^L]|tr|u|ve|w)/;
const UPPER = /[A-Z]/;

/** Inside `<svg>` hono writes presentation attributes such as `strokeWidth` as `stroke-width`. */
export function svgAttributeName(key: string): string {
  return UPPER.test(key) && SVG_KEBAB.test(key) ? key.replace(/([A-Z])/g, "-$1").toLowerCase() : key;
}

const INVALID_ATTRIBUTE_CHAR = /[\s"'<>/=`\\\x00-\x1f\x7f-\x9f]/;
const INVALID_TAG_CHAR = /^[!?]|[\s"'<>/=`\\\x00-\x1f\x7f-\x9f]/;
const validAttributes = new Set<string>();
const validTags = new Set<string>();

export function isValidAttributeName(name: string): boolean {
  if (validAttributes.has(name)) return true;
  if (name.length === 0 || INVALID_ATTRIBUTE_CHAR.test(name)) return false;
  if (validAttributes.size >= 1024) validAttributes.clear();
  validAttributes.add(name);
  return true;
}

export function isValidTagName(name: unknown): boolean {
  if (typeof name !== "string") return false;
  if (validTags.has(name)) return true;
  if (name.length > 0 && INVALID_TAG_CHAR.test(name)) return false;
  if (validTags.size >= 256) validTags.clear();
  validTags.add(name);
  return true;
}

/** Void elements: hono writes them as `<br/>` when they have no children, `<br></br>` otherwise. */
export const VOID_ELEMENTS = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "keygen",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);

const BOOLEAN_ATTRIBUTES = new Set([
  "allowfullscreen",
  "async",
  "autofocus",
  "autoplay",
  "checked",
  "controls",
  "default",
  "defer",
  "disabled",
  "download",
  "formnovalidate",
  "hidden",
  "inert",
  "ismap",
  "itemscope",
  "loop",
  "multiple",
  "muted",
  "nomodule",
  "novalidate",
  "open",
  "playsinline",
  "readonly",
  "required",
  "reversed",
  "selected",
  "shadowrootclonable",
  "shadowrootdelegatesfocus",
  "shadowrootserializable",
]);

/** ` key="value"`, or "" for an attribute hono omits. `key` is already normalized and valid. */
export function attributeText(key: string, v: unknown, tag: string): string {
  if (key === "ref" || v === null || v === undefined) return "";
  switch (typeof v) {
    case "string":
      return ` ${key}="${escapeHtml(v)}"`;
    case "number":
      return ` ${key}="${v}"`;
    case "boolean":
      if (BOOLEAN_ATTRIBUTES.has(key)) return v ? ` ${key}=""` : "";
      return ` ${key}="${v}"`;
    case "function":
      if (!key.startsWith("on"))
        throw new Error(`Invalid prop '${key}' of type 'function' supplied to '${tag}'.`);
      return "";
    case "object":
      if (key === "style") return ` ${key}="${escapeHtml(styleText(v as object))}"`;
      // hono's `raw()` strings are trusted HTML; anything else (a rendered element included) is text.
      if (v instanceof String && (v as { isEscaped?: boolean }).isEscaped) return ` ${key}="${v}"`;
      if (v instanceof Promise) throw new AsyncRenderError(`attribute "${key}" is a Promise`);
      break;
  }
  const s = (v as { toString(): unknown }).toString();
  if (s instanceof Promise) throw new AsyncRenderError(`attribute "${key}" rendered a Promise`);
  return ` ${key}="${escapeHtml(String(s))}"`;
}
