import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Window } from "happy-dom";
import { builtinThemeDir } from "../../discover/theme-dir.ts";
import { createBunHost } from "../../host/bun-host.ts";
import type { Page } from "../../model/page.ts";
import { createLayoutEngine, LayoutError, layoutFailedDiagnostic } from "./engine.ts";
import { rewriteLayoutSource } from "./loader-plugin.ts";
import { buildLayoutProps } from "./page-props.ts";
import type { LayoutData } from "./props.ts";
import { createSiteView } from "./site-view.ts";
import { testIndex, testPage } from "./test-index.ts";

const BUILTIN_THEME_DIR = builtinThemeDir();

/** A site folder outside the repository, so nothing resolves through the repo's node_modules. */
let root: string;

function write(rel: string, text: string): void {
  const path = join(root, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

beforeAll(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), "bengal-layouts-"))).replace(/\\/g, "/");
  // An override of `page` that composes through `use`, imports from hono and from bengal/jsx.
  write(
    "templates/page.tsx",
    `/** @jsxImportSource hono/jsx */
import { raw } from "bengal/jsx";
import { html } from "hono/html";
import type { BaseProps, LayoutProps } from "bengal/jsx";

export default function Page(props: LayoutProps) {
  const Base = props.use<BaseProps>("base");
  return (
    <Base {...props}>
      <article class="custom-page">
        <h1>{props.page.title}</h1>
        {raw(props.content)}
        {html\`<span class="tagged">ok</span>\`}
      </article>
    </Base>
  );
}
`,
  );
  // No pragma at all: the loader supplies the JSX runtime.
  write(
    "templates/special.jsx",
    `export default function Special(props) {
  return <p class="special">{props.page.title}</p>;
}
`,
  );
  write(
    "templates/broken.tsx",
    `/** @jsxImportSource hono/jsx */
export default function Broken(props: { page: { title: string } }) {
  const title = props.page.title;
  if (title) throw new Error("broken on purpose");
  return <p>{title}</p>;
}
`,
  );
  write(
    "templates/async.tsx",
    `/** @jsxImportSource hono/jsx */
async function Later() {
  return <p>later</p>;
}
export default function Async() {
  return <div><Later /></div>;
}
`,
  );
  write(
    "templates/calls-missing.tsx",
    `export default function M(props) { const X = props.use("partials/heder"); return <X />; }\n`,
  );
  // `key` after a spread: Bun compiles it to the classic createElement of the import source.
  write(
    "templates/keyed.tsx",
    `/** @jsxImportSource hono/jsx */
function Item(props: { name: string }) {
  return <li>{props.name}</li>;
}
export default function Keyed() {
  const items = [{ name: "a", id: 1 }, { name: "b", id: 2 }];
  return <ul>{items.map((p) => <Item {...p} key={p.id} />)}</ul>;
}
`,
  );
  write("templates/syntax.tsx", `export default function S( {\n  return <p>;\n}\n`);
  write("templates/_lib/helper.ts", `export const x = 1;\n`);
  // A site-level base override: must be used by the built-in section layout.
  write(
    "themes/mine/templates/base.tsx",
    `/** @jsxImportSource hono/jsx */
import type { BaseProps } from "bengal/jsx";
export default function Base(props: BaseProps) {
  return <html lang="xx"><body><div id="my-base">{props.children}</div></body></html>;
}
`,
  );
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

async function engineFor() {
  return createLayoutEngine({
    host: createBunHost(),
    siteRoot: root,
    themeDirs: [join(root, "themes/mine"), BUILTIN_THEME_DIR],
  });
}

function dataFor(id: string): LayoutData {
  const index = testIndex();
  const site = createSiteView(index, {
    assetUrl: (p) => `/assets/${p}`,
    buildDate: new Date(0),
    generator: "Bengal",
  });
  const page = index.pages.get(id)!;
  const rendered = {
    html: "<p>Body</p>",
    headings: [],
    toc: [],
    summaryHtml: "",
    wordCount: 1,
    readingTime: 1,
    anchors: [],
  };
  return buildLayoutProps(
    { pageId: id, url: page.url, outputPath: page.outputPath, pager: null },
    index,
    site,
    rendered,
  );
}

function parse(html: string): Document {
  return new new Window().DOMParser().parseFromString(html, "text/html") as unknown as Document;
}

describe("layout engine with a site outside the repository", () => {
  test("site templates override the theme's and resolve hono and bengal/jsx", async () => {
    const engine = await engineFor();
    expect(engine.file("page")).toBe(`${root}/templates/page.tsx`);
    expect(engine.file("base")).toBe(`${root}/themes/mine/templates/base.tsx`);
    expect(engine.file("section")).toBe(`${BUILTIN_THEME_DIR}/templates/section.tsx`);
    expect(engine.has("_lib/helper")).toBe(false);

    const { html, used } = engine.render("page", dataFor("content/docs/intro.md"));
    const doc = parse(html);
    expect(doc.querySelector("#my-base .custom-page h1")?.textContent).toBe(
      "Intro <script>alert(1)</script>",
    );
    expect(doc.querySelector(".custom-page p")?.textContent).toBe("Body");
    expect(doc.querySelector(".tagged")?.textContent).toBe("ok");
    expect(used).toEqual(["base", "page"]);
  });

  test("a user base.tsx wraps the built-in layouts", async () => {
    const engine = await engineFor();
    const { html, used } = engine.render("section", dataFor("content/docs/_index.md"));
    const doc = parse(html);
    expect(doc.documentElement.getAttribute("lang")).toBe("xx");
    expect(doc.querySelector("#my-base h1")?.textContent).toBe("Docs");
    expect(doc.querySelector(".site-header")).toBeNull();
    expect(used).toEqual([
      "base",
      "partials/breadcrumbs",
      "partials/page-card",
      "partials/pagination",
      "section",
    ]);
  });

  test("a key after a spread renders (Bun's classic createElement fallback)", async () => {
    const engine = await engineFor();
    expect(engine.render("keyed", dataFor("content/docs/intro.md")).html).toBe(
      "<ul><li>a</li><li>b</li></ul>",
    );
  });

  test("a layout without a JSX pragma still renders with our runtime", async () => {
    const engine = await engineFor();
    expect(engine.render("special", dataFor("content/docs/intro.md")).html).toBe(
      '<p class="special">Intro &lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
  });

  test("a throwing layout gives LayoutError with the file and line", async () => {
    const engine = await engineFor();
    let caught: unknown;
    try {
      engine.render("broken", dataFor("content/docs/intro.md"));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LayoutError);
    const error = caught as LayoutError;
    expect(error.message).toBe("broken on purpose");
    expect(error.layout).toBe("broken");
    expect(error.absolutePath).toBe(`${root}/templates/broken.tsx`);
    expect(error.file).toBe("templates/broken.tsx");
    expect(error.range?.start.line).toBe(3);
    const d = layoutFailedDiagnostic(error, "content/docs/intro.md");
    expect(d.code).toBe("layout.failed");
    expect(d.file).toBe("templates/broken.tsx");
    expect(d.range.start.line).toBe(3);
  });

  test("an async component is refused with a clear error", async () => {
    const engine = await engineFor();
    expect(() => engine.render("async", dataFor("content/docs/intro.md"))).toThrow(/synchronous/);
  });

  test("use() of an unknown partial fails with a suggestion", async () => {
    const engine = await engineFor();
    expect(() => engine.render("calls-missing", dataFor("content/docs/intro.md"))).toThrow(
      'no layout named "partials/heder"; did you mean "partials/header"?',
    );
  });

  test("a file that does not compile is reported as layout.invalid", async () => {
    const engine = await engineFor();
    const invalid = engine.diagnostics.filter((d) => d.code === "layout.invalid");
    expect(invalid.map((d) => d.file)).toEqual(["templates/syntax.tsx"]);
    expect(invalid[0]?.message).toContain('Expected "}" but found "<"');
    expect(invalid[0]?.range.start).toEqual({ line: 1, character: 9 });
    expect(engine.has("syntax")).toBe(true);
    expect(() => engine.render("syntax", dataFor("content/docs/intro.md"))).toThrow(/could not be loaded/);
  });
});

test("a rebuild in the same process sees an edited layout", async () => {
  write("templates/edited.tsx", `export default () => <p>one</p>;\n`);
  expect((await engineFor()).render("edited", dataFor("content/docs/intro.md")).html).toBe("<p>one</p>");
  write("templates/edited.tsx", `export default () => <p>second</p>;\n`);
  expect((await engineFor()).render("edited", dataFor("content/docs/intro.md")).html).toBe("<p>second</p>");
});

describe("choose", () => {
  const page = (init: Partial<Page>): Page =>
    testPage({ id: "content/a.md", kind: "page", title: "A", url: "/a/", ...init });

  test("front matter layout, then type, then the kind default", async () => {
    const engine = await engineFor();
    expect(engine.choose(page({ layout: "special", type: "section" }))).toEqual({
      name: "special",
      diagnostic: null,
    });
    expect(engine.choose(page({ type: "special" })).name).toBe("special");
    expect(engine.choose(page({ type: "post" })).name).toBe("page");
    expect(engine.choose(page({ kind: "home" })).name).toBe("home");
    expect(engine.choose(page({ kind: "term" })).name).toBe("term");
    expect(engine.choose(page({ kind: "404" })).name).toBe("404");
  });

  test("an unknown layout falls back with a layout.not-found diagnostic", async () => {
    const engine = await engineFor();
    const range = { start: { line: 2, character: 8 }, end: { line: 2, character: 13 } };
    const choice = engine.choose(page({ layout: "secton", kind: "section" }), range);
    expect(choice.name).toBe("section");
    expect(choice.diagnostic?.code).toBe("layout.not-found");
    expect(choice.diagnostic?.file).toBe("content/a.md");
    expect(choice.diagnostic?.range).toEqual(range);
    expect(choice.diagnostic?.message).toContain('"secton"');
    expect(choice.diagnostic?.hint).toContain('Did you mean "section"?');
    expect(choice.diagnostic?.hint).toContain("special");
    expect(choice.diagnostic?.hint).not.toContain("partials/");
  });
});

describe("rewriteLayoutSource", () => {
  test("points hono and bengal/jsx at our copies without moving lines", () => {
    const source = `/** @jsxImportSource hono/jsx */\nimport { raw } from "bengal/jsx";\nimport { html } from 'hono/html';\nconst s = "hono/html";\n`;
    const out = rewriteLayoutSource(source);
    expect(out.split("\n").length).toBe(source.split("\n").length);
    expect(out).toMatch(/^\/\*\* @jsxImportSource \/\S+\/render\/layouts \*\//);
    expect(out).toMatch(/from "\/\S+\/render\/layouts\/jsx\.ts"/);
    expect(out).toMatch(/from '\/\S+\/hono\/dist\/helper\/html\/index\.js'/);
    expect(out).toContain('const s = "hono/html";');
  });
});
