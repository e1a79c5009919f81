/**
 * Renders our JSX nodes to HTML the way hono's string renderer does (hono/dist/jsx/base.js, 4.13),
 * byte for byte, without its per-element costs: no `Object.entries`, no closures, no AsyncLocalStorage
 * lookup for the SVG/head namespace (a module variable, saved and restored, since rendering is synchronous).
 * Nodes stay lazy like hono's, so components run in the same order and only where their output is used.
 */

import { escapeHtml } from "../html-escape.ts";
import {
  AsyncRenderError,
  attributeText,
  isValidAttributeName,
  isValidTagName,
  normalizeKey,
  svgAttributeName,
  VOID_ELEMENTS,
} from "./html-attributes.ts";
import { SPECIAL_TAGS } from "./html-metadata.ts";

/** hono's post-render hook on an escaped string (used here for hoisting `<title>`/`<meta>` into `<head>`). */
export type HtmlCallback = (options: { phase: number; buffer: [string]; context: object }) => unknown;
type Props = Record<string, unknown>;
type Component = (props: Props) => unknown;

let out = "";
/** hono's namespace context: "svg" or "head" inside those elements, "" elsewhere. */
let ns = "";
let callbacks: HtmlCallback[] | null = null;

export function currentNamespace(): string {
  return ns;
}

export function addCallback(callback: HtmlCallback): void {
  if (callbacks === null) callbacks = [callback];
  else callbacks.push(callback);
}

/** hono's `toString()` on a node: render on a fresh buffer, then run that buffer's callbacks on it. */
export function renderIsolated(render: () => void): string {
  const outerOut = out;
  const outerCallbacks = callbacks;
  out = "";
  callbacks = null;
  try {
    render();
    const own = callbacks as HtmlCallback[] | null;
    if (own === null) return out;
    const buffer: [string] = [out];
    const context = {};
    for (const callback of own) callback({ phase: 1, buffer, context });
    return buffer[0];
  } finally {
    out = outerOut;
    callbacks = outerCallbacks;
  }
}

export function write(html: string): void {
  out += html;
}

/** How a node renders, settled once when it is created (hono validates tag names there too). */
const ELEMENT = 0;
const SPECIAL = 1;
const SCOPED = 2;
const COMPONENT = 3;
const FRAGMENT = 4;

const tagKinds = new Map<string, number>();
/** Symbol-keyed so the node's enumerable fields stay hono's (`style={node}` walks them, as absurd as that is). */
const KIND: unique symbol = Symbol("kind");

function kindOf(tag: unknown): number {
  if (typeof tag === "function") return tag === Fragment ? FRAGMENT : COMPONENT;
  const known = tagKinds.get(tag as string);
  if (known !== undefined) return known;
  if (!isValidTagName(tag)) throw new Error(`Invalid JSX tag name: ${tag}`);
  const name = tag as string;
  const kind = SPECIAL_TAGS.has(name) ? SPECIAL : name === "svg" || name === "head" ? SCOPED : ELEMENT;
  if (tagKinds.size >= 1024) tagKinds.clear();
  tagKinds.set(name, kind);
  return kind;
}

/** A JSX element or component call, rendered when it is stringified. hono marks its nodes `isEscaped`. */
export class HtmlNode {
  declare readonly isEscaped: true;
  readonly [KIND]: number;
  constructor(
    readonly tag: string | Component,
    readonly props: Props,
    readonly key: unknown,
  ) {
    this[KIND] = kindOf(tag);
  }
  get type(): string | Component {
    return this.tag;
  }
  get children(): readonly unknown[] {
    return childList(this.props);
  }
  toString(): string {
    return renderIsolated(() => renderNode(this));
  }
}
Object.defineProperty(HtmlNode.prototype, "isEscaped", { value: true });

const NO_CHILDREN: readonly unknown[] = [];

/** The children array hono's `jsxDEV` builds from `props.children`. */
export function childList(props: Props): readonly unknown[] {
  const c = props.children;
  if (c === undefined && !("children" in props)) return NO_CHILDREN;
  return Array.isArray(c) ? c : [c];
}

/** A component's props as hono passes them: a copy, with a one-element children array unwrapped. */
export function componentProps(props: Props): Props {
  const copy = { ...props };
  const c = props.children;
  if (Array.isArray(c) && c.length === 1) copy.children = c[0];
  return copy;
}

export function Fragment(props: Props): HtmlNode {
  return new HtmlNode(Fragment as Component, props ?? {}, undefined);
}

export function renderNode(node: HtmlNode): void {
  const { tag, props } = node;
  switch (node[KIND]) {
    case ELEMENT:
      renderElement(tag as string, props, null);
      return;
    case COMPONENT:
      if (isHonoContext(tag as Component)) renderContext(tag as HonoContext, props);
      else renderResult((tag as Component)(componentProps(props)));
      return;
    case SPECIAL:
      SPECIAL_TAGS.get(tag as string)!(props);
      return;
    case SCOPED:
      renderElement(tag as string, props, null);
      return;
    default: {
      const c = componentProps(props).children;
      if (Array.isArray(c)) renderChildren(c);
      else if (c) renderChild(c);
    }
  }
}

function renderResult(res: unknown): void {
  if (typeof res === "boolean" || res === null || res === undefined) return;
  if (res instanceof HtmlNode) renderNode(res);
  else if (Array.isArray(res)) renderChildren(res);
  else if (typeof res === "string") out += escapeHtml(res);
  else if (typeof res === "number") out += res;
  else if (res instanceof Promise) {
    res.catch(() => {});
    throw new AsyncRenderError("a component returned a Promise (an async component)");
  } else if ((res as { isEscaped?: unknown }).isEscaped) writeEscaped(res as object);
  else
    throw new TypeError(
      `a component returned ${Object.prototype.toString.call(res)}, which is not renderable`,
    );
}

/** hono's `raw()` strings and foreign nodes (hono's own) are finished HTML; keep their callbacks. */
function writeEscaped(value: object): void {
  const html: unknown = value instanceof String ? value.valueOf() : value.toString();
  if (html instanceof Promise) {
    html.catch(() => {});
    throw new AsyncRenderError("a hono node rendered a Promise (an async component)");
  }
  out += html;
  const own = (value as { callbacks?: HtmlCallback[] }).callbacks;
  if (own) for (const callback of own) addCallback(callback);
}

/** One entry of hono's children array (`childrenToStringToBuffer`). */
function renderChild(child: unknown): void {
  if (typeof child === "string") out += escapeHtml(child);
  else if (typeof child === "boolean" || child === null || child === undefined) return;
  else if (child instanceof HtmlNode) renderNode(child);
  else if (typeof child === "number") out += child;
  else if ((child as { isEscaped?: unknown }).isEscaped) writeEscaped(child as object);
  else if (child instanceof Promise) {
    child.catch(() => {});
    throw new AsyncRenderError("a child is a Promise");
  }
  // Like hono: any other value is walked as an array-like (a plain object or a Date renders nothing).
  else renderChildren(child as ArrayLike<unknown>);
}

export function renderChildren(children: ArrayLike<unknown>): void {
  for (let i = 0, len = children.length; i < len; i++) renderChild(children[i]);
}

/**
 * `children` given: the element's children array as hono holds it (its built-in components pass one);
 * null: read from `props.children` without allocating the one-element array `jsxDEV` would.
 */
export function renderElement(tag: string, props: Props, children: readonly unknown[] | null): void {
  const svg = tag === "svg" || ns === "svg";
  const scoped = tag === "svg" || tag === "head";
  const c = children === null ? props.children : children;
  const count =
    children !== null
      ? children.length
      : Array.isArray(c)
        ? c.length
        : c !== undefined || "children" in props
          ? 1
          : 0;
  let inner: string | null = null;
  out += `<${tag}`;
  for (const name in props) {
    const key = svg ? svgKey(name) : attributeKey(name);
    if (key === null) continue;
    const v = props[name];
    if (key === "dangerouslySetInnerHTML" && typeof v === "object" && v !== null && "__html" in v) {
      // hono gives <svg> and <head> one hidden child (its namespace provider), so they always refuse.
      if (count > 0 || scoped)
        throw new Error("Can only set one of `children` or `props.dangerouslySetInnerHTML`.");
      inner = new String((v as { __html: unknown }).__html).valueOf();
    } else out += attributeText(key, v, tag);
  }
  if (inner !== null) out += `>${inner}</${tag}>`;
  else if (scoped) {
    out += ">";
    renderScoped(tag, children ?? childList(props));
    out += `</${tag}>`;
  } else if (count === 0 && VOID_ELEMENTS.has(tag)) out += "/>";
  else {
    out += ">";
    if (children !== null || Array.isArray(c)) renderChildren(c as ArrayLike<unknown>);
    else renderChild(c);
    out += `</${tag}>`;
  }
}

const attributeKeys = new Map<string, string | null>();
const svgKeys = new Map<string, string | null>();

/** The attribute name hono writes for a prop, or null for `children` and names it drops. */
function attributeKey(name: string): string | null {
  let key = attributeKeys.get(name);
  if (key !== undefined) return key;
  key = normalizeKey(name);
  if (key === "children" || !isValidAttributeName(key)) key = null;
  if (attributeKeys.size >= 1024) attributeKeys.clear();
  attributeKeys.set(name, key);
  return key;
}

function svgKey(name: string): string | null {
  let key = svgKeys.get(name);
  if (key !== undefined) return key;
  key = svgAttributeName(normalizeKey(name));
  if (key === "children" || !isValidAttributeName(key)) key = null;
  if (svgKeys.size >= 1024) svgKeys.clear();
  svgKeys.set(name, key);
  return key;
}

/** A `createContext()` from hono/jsx: its Provider is the function itself, with a stack of values. */
type HonoContext = Component & { values: unknown[]; Provider: unknown };

function isHonoContext(tag: Component): tag is HonoContext {
  return (
    (tag as Partial<HonoContext>).Provider === tag && Array.isArray((tag as Partial<HonoContext>).values)
  );
}

/**
 * `<Context.Provider value>` of hono's context, rendered by us: hono's own provider would stringify the
 * children in a fresh AsyncLocalStorage scope where the value is lost. Outside a hono render,
 * `useContext` reads the top of `values`, so pushing there for the (synchronous) render is enough.
 */
function renderContext(context: HonoContext, props: Props): void {
  context.values.push(props.value);
  try {
    renderProvided(childList(props));
  } finally {
    context.values.pop();
  }
}

function renderScoped(tag: string, children: readonly unknown[]): void {
  const outerNs = ns;
  ns = tag;
  try {
    renderProvided(children);
  } finally {
    ns = outerNs;
  }
}

/**
 * Children as hono's context providers (its `<svg>`/`<head>` namespace included) render them: a single
 * child is stringified on its own (so `<svg>{0}</svg>` is empty and `<head>{true}</head>` writes "true"),
 * and hoisting callbacks inside are settled there rather than at the document.
 */
function renderProvided(children: readonly unknown[]): void {
  const only = children.length === 1 ? children[0] : children.length === 0 ? undefined : children;
  if (typeof only === "string") out += escapeHtml(only);
  else if (only instanceof Promise) {
    only.catch(() => {});
    throw new AsyncRenderError("a child is a Promise");
  } else if (
    typeof only === "object" &&
    only !== null &&
    !Array.isArray(only) &&
    !(only as { isEscaped?: unknown }).isEscaped &&
    typeof only.toString === "function"
  ) {
    const text: unknown = only.toString();
    if (text instanceof Promise) throw new AsyncRenderError("a child rendered a Promise");
    out += escapeHtml(String(text));
  } else if (!only) return;
  else if (Array.isArray(only)) out += renderIsolated(() => renderChildren(only));
  else if (only instanceof HtmlNode) out += only.toString();
  else if (only instanceof String) out += only.valueOf();
  else writeEscaped(Object(only));
}
