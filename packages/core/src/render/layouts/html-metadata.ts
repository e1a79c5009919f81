/**
 * hono renders `<title>`, `<meta>`, `<link>`, `<script>`, `<style>`, `<form>`, `<input>` and `<button>`
 * through built-in components (hono/dist/jsx/intrinsic-element/components.js, 4.13). Outside `<head>`,
 * metadata tags are hoisted into the document's `<head>` (and some de-duplicated) by a callback run when
 * the document is stringified; inside `<head>` most render as plain elements. Reproduced here, quirks
 * included, because output must match hono's byte for byte.
 */
import {
  addCallback,
  currentNamespace,
  type HtmlCallback,
  renderElement,
  renderIsolated,
  write,
} from "./html-render.ts";

type Props = Record<string, unknown>;
type Hoisted = [html: string, props: Props, precedence: string | undefined];

const DEDUPE_KEYS: Record<string, readonly string[]> = {
  title: [],
  script: ["src"],
  style: ["data-href"],
  link: ["href"],
  meta: ["name", "httpEquiv", "charset", "itemProp"],
};

const toArray = (children: unknown): readonly unknown[] => (Array.isArray(children) ? children : [children]);

/** hono's components see a one-element children array unwrapped (as `JSXFunctionNode` passes it). */
function childrenOf(props: Props): unknown {
  const c = props.children;
  return Array.isArray(c) && c.length === 1 ? c[0] : c;
}

/** The element without special behaviour; `props.children` is never written as an attribute. */
function plain(tag: string, props: Props): void {
  renderElement(tag, props, toArray(childrenOf(props) ?? []));
}

/** Tags hoisted so far in one stringification, on the context object its callbacks share. */
const HOISTED = Symbol("hoisted");

function insertIntoHead(
  tagName: string,
  html: string,
  props: Props,
  precedence: string | undefined,
): HtmlCallback {
  return ({ buffer, context }) => {
    const shared = context as { [HOISTED]?: Record<string, Hoisted[]> };
    shared[HOISTED] ??= {};
    const map = shared[HOISTED];
    map[tagName] ??= [];
    const tags = map[tagName];
    const dedupeByKey = tagName === "link" ? precedence !== undefined : DEDUPE_KEYS[tagName]!.length > 0;
    let duped = false;
    if (dedupeByKey)
      loop: for (const [, tagProps] of tags) {
        if (
          tagName === "link" &&
          !(tagProps.rel === "stylesheet" && tagProps["data-precedence"] !== undefined)
        )
          continue;
        for (const key of DEDUPE_KEYS[tagName]!)
          if ((tagProps[key] ?? null) === props[key]) {
            duped = true;
            break loop;
          }
      }
    if (duped) buffer[0] = buffer[0].replaceAll(html, "");
    else if (dedupeByKey || tagName === "link") tags.push([html, props, precedence]);
    else tags.unshift([html, props, precedence]);
    if (buffer[0].indexOf("</head>") === -1) return;
    let insert: string[];
    if (tagName === "link" || precedence !== undefined) {
      const precedences: string[] = [];
      insert = tags
        .map(([tag, , tagPrecedence], index): [string, number, number] => {
          if (tagPrecedence === undefined) return [tag, Number.MAX_SAFE_INTEGER, index];
          let order = precedences.indexOf(tagPrecedence);
          if (order === -1) {
            precedences.push(tagPrecedence);
            order = precedences.length - 1;
          }
          return [tag, order, index];
        })
        .sort((a, b) => a[1] - b[1] || a[2] - b[2])
        .map(([tag]) => tag);
    } else insert = tags.map(([tag]) => tag);
    for (const tag of insert) buffer[0] = buffer[0].replaceAll(tag, "");
    buffer[0] = buffer[0].replace(/(?=<\/head>)/, () => insert.join(""));
  };
}

function metadataTag(tag: string, props: Props, sort: boolean): void {
  if ("itemProp" in props) {
    plain(tag, props);
    return;
  }
  const children = childrenOf(props);
  const { children: _children, precedence: given, blocking: _blocking, ...rest } = props;
  const precedence = sort ? ((given ?? "") as string) : undefined;
  if (sort) rest["data-precedence"] = precedence;
  const html = renderIsolated(() => renderElement(tag, rest, toArray(children || [])));
  write(html);
  addCallback(insertIntoHead(tag, html, rest, precedence));
}

/** hono's server actions carry their URL under a private symbol; any other function renders nothing. */
function permalink(action: unknown): unknown {
  const symbol = Object.getOwnPropertySymbols(action).find((s) => s.description === "PERMALINK");
  return symbol ? (action as Record<symbol, unknown>)[symbol] : undefined;
}

function actionable(tag: string, key: string): (props: Props) => void {
  return (props) => {
    if (typeof props[key] !== "function") plain(tag, props);
    else plain(tag, { ...props, [key]: permalink(props[key]) });
  };
}

/** Keyed by tag name; each receives the node's props, to copy before changing them. */
export const SPECIAL_TAGS = new Map<string, (props: Props) => void>([
  [
    "title",
    (props) => {
      const ns = currentNamespace();
      if (ns === "svg" || ns === "head") plain("title", props);
      else metadataTag("title", props, false);
    },
  ],
  [
    "script",
    (props) => {
      if (!props.src || !props.async || currentNamespace() === "head") plain("script", props);
      else metadataTag("script", props, false);
    },
  ],
  [
    "style",
    (props) => {
      if (!("href" in props && "precedence" in props)) plain("style", props);
      else {
        const copy: Props = { ...props, "data-href": props.href };
        delete copy.href;
        metadataTag("style", copy, true);
      }
    },
  ],
  [
    "link",
    (props) => {
      const stylesheet = props.rel === "stylesheet";
      if (
        "onLoad" in props ||
        "onError" in props ||
        (stylesheet && (!("precedence" in props) || "disabled" in props))
      )
        plain("link", props);
      else metadataTag("link", props, stylesheet && "precedence" in props);
    },
  ],
  [
    "meta",
    (props) => {
      if (currentNamespace() === "head") plain("meta", props);
      else metadataTag("meta", props, false);
    },
  ],
  ["form", actionable("form", "action")],
  ["input", actionable("input", "formAction")],
  ["button", actionable("button", "formAction")],
]);
