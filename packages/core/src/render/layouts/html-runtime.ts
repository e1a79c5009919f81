/**
 * Bengal's JSX automatic runtime: layouts render to HTML strings byte-identical to hono's
 * `hono/jsx` (html-runtime.test.ts checks it), at a fraction of the cost. hono keeps providing the
 * JSX types and `raw`; its escaped strings (`isEscaped`) are trusted here, and our nodes carry the same
 * mark so hono's helpers (`html```, context providers) accept them.
 */
import type { JSX } from "hono/jsx/jsx-runtime";
import { Fragment, HtmlNode } from "./html-render.ts";

export { AsyncRenderError } from "./html-attributes.ts";
export { Fragment, HtmlNode };

type Tag = string | ((props: Record<string, unknown>) => unknown);

function element(tag: Tag, props: Record<string, unknown> | null | undefined, key?: unknown): JSX.Element {
  return new HtmlNode(tag, props ?? {}, key) as unknown as JSX.Element;
}

export const jsx: (tag: Tag, props: Record<string, unknown>, key?: unknown) => JSX.Element = element;
export const jsxs = element;
export const jsxDEV = element;

/**
 * The classic call, as hono's `createElement`: Bun's automatic runtime falls back to it (imported
 * from the JSX import source itself) for an element with `key` after a spread, the usual
 * `items.map((p) => <Card {...p} key={p.id} />)`.
 */
export function createElement(
  tag: Tag,
  props: Record<string, unknown> | null | undefined,
  ...children: unknown[]
): JSX.Element {
  const own: Record<string, unknown> = { ...props };
  if (children.length > 0) own.children = children.length === 1 ? children[0] : children;
  const key = own.key;
  delete own.key;
  return element(tag, own, key);
}
