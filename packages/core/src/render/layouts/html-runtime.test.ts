/**
 * Our JSX runtime against hono's, which it replaces: every case is built once per runtime from the same
 * code and the HTML must be byte-identical (or both must throw). Whole sites are built twice, once per runtime.
 */
import { describe, expect, test } from "bun:test";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { html, raw } from "hono/html";
import { createContext, createElement as honoCreateElement, useContext } from "hono/jsx";
import { Fragment as honoFragment, jsxDEV as honoJsx } from "hono/jsx/jsx-dev-runtime";
import { generateSites } from "../../../../../bench/generate/index.ts";
import { tree } from "../../../test/helpers.ts";
import { AsyncRenderError, createElement, Fragment, jsxDEV } from "./html-runtime.ts";

type Props = Record<string, unknown>;
type Tag = string | ((props: Props) => unknown);
interface Runtime {
  readonly h: (tag: Tag, props?: Props, key?: string) => unknown;
  readonly Fragment: Tag;
}

const OURS: Runtime = { h: (tag, props = {}, key) => jsxDEV(tag, props, key), Fragment: Fragment as Tag };
const HONO: Runtime = {
  h: (tag, props = {}, key) => honoJsx(tag as string, props, key),
  Fragment: honoFragment as Tag,
};

type Outcome = { html: string } | { error: string };

function render(build: (r: Runtime) => unknown, runtime: Runtime): Outcome {
  try {
    const out = (build(runtime) as { toString(): unknown }).toString();
    if (out instanceof Promise) return { error: "Promise" };
    return { html: String(out) };
  } catch (error) {
    return { error: error instanceof AsyncRenderError ? "Promise" : (error as Error).constructor.name };
  }
}

function expectSame(build: (r: Runtime) => unknown): void {
  expect(render(build, OURS)).toEqual(render(build, HONO));
}

const TEXT = `&<>"' plain ü 🐈 &amp; </script>`;

/** Components written once and instantiated per runtime, as a template would be under either one. */
function components({ h, Fragment }: Runtime) {
  const Wrap = (p: Props) => h("div", { class: "wrap", children: p.children });
  const Kids = (p: Props) =>
    h("ul", {
      "data-kind": Array.isArray(p.children)
        ? `array:${(p.children as unknown[]).length}`
        : typeof p.children,
    });
  const Many = (p: Props) => [h("b", { children: "1" }), p.children, "2 & 3"];
  const Frag = (p: Props) => h(Fragment, { children: [p.children, h("hr", {})] });
  return { Wrap, Kids, Many, Frag };
}

const CASES: Record<string, (r: Runtime) => unknown> = {
  "text escaping": ({ h }) => h("p", { title: TEXT, children: TEXT }),
  "raw and escaped strings as children and attributes": ({ h }) =>
    h("p", {
      title: raw(`a"b<c>`),
      "data-node": h("b", { children: `x"y` }),
      children: [
        raw("<i>raw</i>"),
        html`<u>${TEXT}${raw("<s/>")}</u>`,
        h("span", { children: raw("&amp;") }),
      ],
    }),
  "our nodes inside hono's html helper": ({ h }) =>
    html`<div>${h("a", { href: "/?a=1&b=2", children: TEXT })}</div>`,
  "style objects and strings": ({ h }) => [
    h("div", {
      style: {
        color: "red",
        fontSize: 12,
        lineHeight: 1.5,
        zIndex: 3,
        flexGrow: 1,
        flex: 2,
        opacity: 0.5,
        marginTop: 0,
        gridArea: "a",
        gridGap: 2,
        gridRowStart: 2,
        "--custom": "x y",
        WebkitTransition: "all",
        bad: "a;b",
        quote: `url("x")`,
        open: "url(x",
        gone: null,
        alsoGone: undefined,
        obj: {},
        "bad name": "x",
      },
    }),
    h("div", { style: `color: red; content: "&"` }),
    h("div", { style: {} }),
  ],
  "booleans, numbers and nullish attributes": ({ h }) =>
    h("input", {
      disabled: true,
      hidden: false,
      checked: true,
      required: null,
      value: undefined,
      "aria-hidden": true,
      "data-false": false,
      tabIndex: 0,
      "data-n": -0,
      "data-big": 1e21,
      "data-nan": Number.NaN,
      "data-inf": Number.POSITIVE_INFINITY,
      "data-date": new Date(0),
      "data-arr": ["a", "<b>"],
      onClick: () => 1,
    }),
  "React-style names, key, ref and invalid names": ({ h }) =>
    h(
      "label",
      {
        className: "c",
        htmlFor: "f",
        httpEquiv: "x",
        crossOrigin: "anonymous",
        itemProp: "name",
        fetchPriority: "high",
        noModule: true,
        formAction: "/go",
        ref: {},
        "a b": 1,
        "x>": 2,
        "": 3,
        "data-ok": "y",
        children: "l",
      },
      "the-key",
    ),
  "nested arrays and falsy children": ({ h }) =>
    h("div", {
      children: [[TEXT, ["b", 1, null, [false, h("i", {}), true, undefined]]], 0, Number.NaN, "", -0, [[[]]]],
    }),
  "odd children: objects, dates, functions": ({ h }) =>
    h("div", { children: [{}, new Date(0), () => 1, { length: 2, 0: "x", 1: "<y>" }, Symbol("s"), 10n] }),
  "void elements": ({ h }) =>
    h("div", {
      children: [
        h("br", {}),
        h("img", { src: "/a.png", alt: TEXT }),
        h("hr", { children: [] }),
        h("br", { children: undefined }),
        h("br", { children: null }),
        h("wbr", { children: "x" }),
        h("input", { children: null }),
        h("input", { type: "text" }),
        h("area", { children: [null] }),
      ],
    }),
  fragments: ({ h, Fragment }) =>
    h("div", {
      children: [
        h(Fragment, { children: 0 }),
        h(Fragment, { children: [0] }),
        h(Fragment, { children: "" }),
        h(Fragment, { children: [1, 2] }),
        h(Fragment, { children: h(Fragment, { children: [h("i", {}), "&"] }) }, "k"),
        h(Fragment, {}),
      ],
    }),
  "components with children": (r) => {
    const { h } = r;
    const { Wrap, Kids, Many, Frag } = components(r);
    return h("main", {
      children: [
        h(Wrap, { children: TEXT }),
        h(Wrap, { children: [h("i", {}), "x"] }),
        h(Kids, { children: [h("i", {})] }),
        h(Kids, { children: [h("i", {}), h("i", {})] }),
        h(Kids, { children: [] }),
        h(Kids, {}),
        h(Kids, { children: "s" }),
        h(Many, { children: h(Wrap, { children: 5 }) }),
        h(Frag, { children: raw("<raw/>") }),
        h(() => "a <string>", {}),
        h(() => 42, {}),
        h(() => null, {}),
        h(() => false, {}),
        h(() => raw("<ok>"), {}),
        h(() => [h("a", {}), ["<x>"]], {}),
      ],
    });
  },
  "component returning a plain object throws": ({ h }) => h(() => ({}), {}),
  dangerouslySetInnerHTML: ({ h }) =>
    h("div", {
      children: [
        h("div", { dangerouslySetInnerHTML: { __html: "<b>&</b>" }, id: "after" }),
        h("img", { dangerouslySetInnerHTML: { __html: "x" } }),
        h("p", { dangerouslySetInnerHTML: { __html: h("i", { children: "&" }) } }),
        h("p", { dangerouslySetInnerHTML: { __html: undefined } }),
        h("p", { dangerouslySetInnerHTML: "not an object" }),
      ],
    }),
  "dangerouslySetInnerHTML with children throws": ({ h }) =>
    h("div", { dangerouslySetInnerHTML: { __html: "x" }, children: "y" }),
  "dangerouslySetInnerHTML on svg throws": ({ h }) => h("svg", { dangerouslySetInnerHTML: { __html: "x" } }),
  "function attribute throws": ({ h }) => h("a", { href: () => "/" }),
  "invalid tag throws": ({ h }) => h("a b", {}),
  svg: (r) => {
    const { h } = r;
    const { Wrap } = components(r);
    const path = h("path", { strokeWidth: 2, fillOpacity: 0.5, className: "p", viewBox: "0 0 1 1", d: "M0" });
    return h("div", {
      children: [
        h("svg", {
          viewBox: "0 0 24 24",
          strokeLinecap: "round",
          className: "icon",
          children: [path, h(Wrap, { children: path })],
        }),
        path,
        h("svg", { children: 0 }),
        h("svg", { children: TEXT }),
        h("svg", { children: new Date(0) }),
        h("svg", { children: true }),
        h("svg", { children: [h("title", { children: "t" }), h("g", { clipPath: "url(#a)" })] }),
        h("svg", { children: h("foreignObject", { children: h("div", { strokeWidth: 1 }) }) }),
      ],
    });
  },
  "head metadata stays in place": ({ h }) =>
    h("html", {
      lang: "en",
      children: [
        h("head", {
          children: [
            h("meta", { charset: "utf-8" }),
            h("title", { children: TEXT }),
            h("meta", { name: "description", content: TEXT }),
            h("link", { rel: "icon", href: "/f.svg" }),
            h("link", { rel: "canonical", href: "/x/" }),
            h("link", { rel: "stylesheet", href: "/s.css" }),
            h("script", { children: raw("var a = 1 < 2;") }),
            h("script", { src: "/a.js", defer: true }),
            h("script", { src: "/b.js", async: true }),
            h("style", { children: "a{}" }),
            h("meta", { name: "empty", children: [null] }),
            h("link", { rel: "stylesheet", href: "/n.css", children: [null] }),
          ],
        }),
        h("body", { children: h("p", { children: "x" }) }),
      ],
    }),
  "head with a single odd child": ({ h }) =>
    h("div", { children: [h("head", { children: true }), h("head", { children: 7 }), h("head", {})] }),
  "metadata outside head is hoisted": (r) => {
    const { h } = r;
    const { Wrap } = components(r);
    return h("html", {
      children: [
        h("head", { children: [h("meta", { charset: "utf-8" }), h("title", { children: "Head" })] }),
        h("body", {
          children: [
            h("title", { children: "Body title" }),
            h("meta", { name: "robots", content: "noindex" }),
            h("meta", { name: "robots", content: "noindex" }),
            h("meta", { itemProp: "name", content: "kept" }),
            h("link", { rel: "preload", href: "/font.woff2" }),
            h("link", { rel: "stylesheet", href: "/a.css", precedence: "high" }),
            h("link", { rel: "stylesheet", href: "/a.css", precedence: "high" }),
            h("link", { rel: "stylesheet", href: "/b.css", precedence: "low" }),
            h("style", { href: "s", precedence: "p", children: "b{}" }),
            h("script", { src: "/c.js", async: true }),
            h(Wrap, { children: h("script", { src: "/c.js", async: true }) }),
            h("svg", { children: h("title", { children: "svg title" }) }),
          ],
        }),
      ],
    });
  },
  "metadata without a head stays where it is": ({ h }) =>
    h("div", {
      children: [
        h("title", { children: "t" }),
        h("title", { children: [0] }),
        h("meta", { name: "a" }),
        h("link", { rel: "next", href: "/2" }),
      ],
    }),
  "head content built outside the head": ({ h }) => {
    const extra = [h("meta", { name: "x", content: "1" }), h("title", { children: "late" })];
    return h("html", { children: [h("head", { children: extra }), h("body", { children: extra })] });
  },
  "forms and actions": ({ h }) =>
    h("form", {
      action: () => "/x",
      method: "post",
      children: [
        h("input", { formAction: () => 1, name: "a" }),
        h("button", { formAction: "/b", children: "go" }),
      ],
    }),
  "hono context providers": ({ h }) => {
    const Theme = createContext("light");
    const Show = () => h("span", { children: useContext(Theme) as string });
    return h("div", {
      children: [
        h(Show, {}),
        h(Theme.Provider as Tag, { value: "dark", children: [h(Show, {}), h("b", {})] }),
        h(Show, {}),
      ],
    });
  },
};

describe("html runtime matches hono", () => {
  for (const [name, build] of Object.entries(CASES)) test(name, () => expectSame(build));

  test("createElement (Bun's fallback for a key after a spread) as hono's", () => {
    const Card = (props: Props) => jsxDEV("li", { "data-id": props.id, children: props.children }, undefined);
    const HonoCard = (props: Props) =>
      honoJsx("li", { "data-id": props.id, children: props.children }, undefined);
    const cases: Array<[Props | null, unknown[]]> = [
      [{ id: 1, key: "k1" }, []],
      [{ id: 2, key: "k2" }, ["one"]],
      [{ id: 3 }, ["a", 1, null, ["b", "c"]]],
      [null, ["plain"]],
    ];
    for (const [props, children] of cases) {
      const ours = String(createElement(Card as Tag, props && { ...props }, ...children));
      const hono = String(
        honoCreateElement(HonoCard as never, props && { ...props }, ...(children as never[])),
      );
      expect(ours).toBe(hono);
      expect(String(createElement("p", props && { ...props }, ...children))).toBe(
        String(honoCreateElement("p", props && { ...props }, ...(children as never[]))),
      );
    }
  });

  test("a mismatch is caught (the comparison can fail)", () => {
    expect(render(({ h }) => h("p", { children: "'" }), OURS)).not.toEqual(
      render(({ h }) => h("p", { children: '"' }), HONO),
    );
  });

  test("an async component is refused, not rendered as [object Promise]", () => {
    const build = ({ h }: Runtime) => h("div", { children: h(async () => "late", {}) });
    expect(render(build, OURS)).toEqual({ error: "Promise" });
    expect(render(build, HONO)).toEqual({ error: "Promise" });
  });
});

/** mulberry32: a small seeded generator, so a failing tree can be reproduced from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TAGS = [
  "head",
  "style",
  "form",
  "div",
  "p",
  "span",
  "a",
  "ul",
  "li",
  "br",
  "img",
  "hr",
  "input",
  "svg",
  "path",
  "g",
  "title",
  "meta",
  "link",
  "script",
  "button",
];
const KEYS = [
  "class",
  "className",
  "id",
  "href",
  "title",
  "style",
  "disabled",
  "hidden",
  "checked",
  "data-x",
  "aria-label",
  "strokeWidth",
  "fillOpacity",
  "viewBox",
  "htmlFor",
  "rel",
  "src",
  "async",
  "name",
  "content",
  "tabIndex",
  "key",
  "precedence",
  "dangerouslySetInnerHTML",
];
const STRINGS = ["", "a", TEXT, "x y", `"q"`, "'s'", "a&b", "<tag>", "stylesheet", "icon", "/x.js"];

/** Builds a random tree from a seed; the same seed gives the same tree shape under either runtime. */
function randomTree(seed: number): (r: Runtime) => unknown {
  return (runtime) => {
    const rand = random(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
    const { h, Fragment } = runtime;
    const comps = Object.values(components(runtime));
    const value = (depth: number): unknown => {
      const roll = rand();
      if (roll < 0.2) return pick(STRINGS);
      if (roll < 0.25) return pick([0, 1, -1.5, Number.NaN]);
      if (roll < 0.3) return pick([null, undefined, true, false]);
      if (roll < 0.35) return raw(pick(["<b>raw</b>", "&amp;", ""]));
      if (depth > 4) return pick(STRINGS);
      if (roll < 0.45) return Array.from({ length: Math.floor(rand() * 4) }, () => value(depth + 1));
      if (roll < 0.55) return h(pick([Fragment, ...comps]), props(depth));
      return h(pick(TAGS), props(depth), rand() < 0.1 ? "k" : undefined);
    };
    const attribute = (depth: number): unknown => {
      const roll = rand();
      if (roll < 0.4) return pick(STRINGS);
      if (roll < 0.55) return pick([0, 2, 1.5, true, false, null, undefined]);
      if (roll < 0.65) return { color: pick(STRINGS), marginTop: pick([0, 3, "1em"]), lineHeight: 2 };
      if (roll < 0.75) return raw(pick(STRINGS));
      if (roll < 0.8 && depth < 4) return h("i", { children: pick(STRINGS) });
      if (roll < 0.83) return { __html: pick(STRINGS) };
      return pick(STRINGS);
    };
    const props = (depth: number): Props => {
      const p: Props = {};
      for (let i = Math.floor(rand() * 4); i > 0; i--) p[pick(KEYS)] = attribute(depth);
      const n = Math.floor(rand() * 4);
      if (n === 1) p.children = value(depth + 1);
      else if (n > 1) p.children = Array.from({ length: n }, () => value(depth + 1));
      return p;
    };
    const body = value(0);
    if (seed % 3 !== 0) return h("div", { children: body });
    const head = h("head", { children: [h("meta", { charset: "utf-8" }), value(2)] });
    return h("html", { children: [head, h("body", { children: [body, value(1)] })] });
  };
}

test("random trees render identically under both runtimes (seeded)", () => {
  let rendered = 0;
  for (let seed = 1; seed <= 600; seed++) {
    const ours = render(randomTree(seed), OURS);
    const hono = render(randomTree(seed), HONO);
    if (JSON.stringify(ours) !== JSON.stringify(hono)) expect({ seed, ours }).toEqual({ seed, ours: hono });
    if ("html" in ours) rendered++;
  }
  expect(rendered).toBeGreaterThan(500);
});

const REPO = join(import.meta.dir, "../../../../..");
const BIN = join(REPO, "packages/cli/src/bin.ts");
const PRELOAD = join(import.meta.dir, "html-runtime.preload.ts");

/** Builds a copy of `site` with one runtime (theme templates included) and returns its output tree. */
function buildWith(site: string, runtime: "ours" | "hono"): Map<string, string> {
  const root = mkdtempSync(join(tmpdir(), `bengal-jsx-${runtime}-`));
  try {
    cpSync(site, root, { recursive: true, filter: (p) => !/[/\\](public|\.bengal)$/.test(p) });
    const run = Bun.spawnSync([process.execPath, "--preload", PRELOAD, BIN, "build", "--no-parallel"], {
      cwd: root,
      env: { ...process.env, BENGAL_TEST_JSX: runtime },
      stdout: "pipe",
      stderr: "pipe",
    });
    if (run.exitCode !== 0) throw new Error(`${runtime} build failed: ${run.stderr.toString()}`);
    const log = run.stderr.toString();
    expect(log).toContain("bengal-test-jsx: theme template rewritten");
    expect(log.includes("bengal-test-jsx: hono runtime")).toBe(runtime === "hono");
    return tree(join(root, "public"));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function expectSameSite(site: string): void {
  const ours = buildWith(site, "ours");
  const hono = buildWith(site, "hono");
  expect([...ours.keys()]).toEqual([...hono.keys()]);
  expect([...ours.keys()].filter((k) => k.endsWith(".html")).length).toBeGreaterThan(10);
  for (const [path, bytes] of ours)
    if (bytes !== hono.get(path))
      expect({ path, html: atob(bytes) }).toEqual({ path, html: atob(hono.get(path)!) });
}

describe("whole sites are byte-identical under both runtimes", () => {
  test("examples/docs", () => expectSameSite(join(REPO, "examples/docs")));

  test("a generated site", () => {
    const dir = mkdtempSync(join(tmpdir(), "bengal-jsx-gen-"));
    try {
      const { bengal } = generateSites(dir, { pages: 60, seed: 3 }, ["bengal"]);
      expectSameSite(bengal);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
