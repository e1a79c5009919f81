import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type {
  CodeAction,
  CompletionItem,
  DocumentLink,
  DocumentSymbol,
  Hover,
  Location,
  SymbolInformation,
  WorkspaceEdit,
} from "vscode-languageserver/node";
import { startClient, type TestClient, tempSite } from "./client.ts";
import { FIXTURE } from "./fixture.ts";

const site = tempSite({
  ...FIXTURE,
  "content/docs/untitled.md": "Just a body.\n",
  "templates/wide.tsx": "export default () => null;\n",
  "assets/css/extra.css": "a{}\n",
});
const guide = site.uri("content/docs/guide.md");
const intro = site.uri("content/docs/intro.md");
let client: TestClient;
const at = (uri: string, line: number, character: number) => ({
  textDocument: { uri },
  position: { line, character },
});

beforeAll(async () => {
  client = await startClient(site.root);
  await client.until((d) => d.has(guide), "the initial diagnostics");
});
afterAll(async () => {
  await client.stop();
  site.dispose();
});

describe("completion", () => {
  test("link targets: pages by path and URL, files", async () => {
    client.open(guide, `${FIXTURE["content/docs/guide.md"]}[new](`);
    const items = (await client.conn.sendRequest(
      "textDocument/completion",
      at(guide, 15, 6),
    )) as CompletionItem[];
    const labels = items.map((i) => i.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        "intro.md",
        "../_index.md",
        "/docs/intro/",
        "/tags/start/",
        "/logo.png",
        "/assets/css/extra.css",
      ]),
    );
    expect(items.find((i) => i.label === "intro.md")!.detail).toBe("Intro");
    expect(labels).not.toContain("guide.md");
  });

  test("headings after #, in another page and in this one", async () => {
    client.change(guide, `${FIXTURE["content/docs/guide.md"]}[new](intro.md#`);
    const other = (await client.conn.sendRequest(
      "textDocument/completion",
      at(guide, 15, 15),
    )) as CompletionItem[];
    expect(other.map((i) => i.label)).toEqual(["install", "use"]);
    expect(other[1]!.textEdit).toEqual({
      range: { start: { line: 15, character: 15 }, end: { line: 15, character: 15 } },
      newText: "use",
    });
    client.change(guide, `${FIXTURE["content/docs/guide.md"]}[new](#gu`);
    const own = (await client.conn.sendRequest(
      "textDocument/completion",
      at(guide, 15, 9),
    )) as CompletionItem[];
    expect(own.map((i) => i.label)).toEqual(["guide"]);
  });

  test("front matter keys with documentation, tags, layouts", async () => {
    const uri = site.uri("content/new.md");
    client.open(uri, "---\ntitle: New\n\ntags: \nlayout: \n---\n");
    const keys = (await client.conn.sendRequest(
      "textDocument/completion",
      at(uri, 2, 0),
    )) as CompletionItem[];
    const date = keys.find((k) => k.label === "date")!;
    expect(date.documentation).toMatchObject({ kind: "markdown" });
    expect(keys.map((k) => k.label)).not.toContain("title");
    const tags = (await client.conn.sendRequest(
      "textDocument/completion",
      at(uri, 3, 6),
    )) as CompletionItem[];
    expect(tags.map((t) => t.label).sort()).toEqual(["docs", "start"]);
    const layouts = (await client.conn.sendRequest(
      "textDocument/completion",
      at(uri, 4, 8),
    )) as CompletionItem[];
    expect(layouts.map((t) => t.label)).toContain("wide");
    expect(layouts.map((t) => t.label)).toContain("page");
  });
});

describe("navigation", () => {
  test("hover on a link shows the target's title, URL and description", async () => {
    client.change(guide, FIXTURE["content/docs/guide.md"]!);
    const hover = (await client.conn.sendRequest("textDocument/hover", at(guide, 7, 15))) as Hover;
    const value = (hover.contents as { value: string }).value;
    expect(value).toContain("**Intro**");
    expect(value).toContain("`/docs/intro/`");
    expect(value).toContain("Where to start");
    expect(value).toContain("Install");
  });

  test("go to definition: the heading of the target page, or the file", async () => {
    const def = (await client.conn.sendRequest("textDocument/definition", at(guide, 9, 12))) as Location;
    expect(def).toEqual({
      uri: intro,
      range: { start: { line: 10, character: 0 }, end: { line: 10, character: 15 } },
    });
    const image = (await client.conn.sendRequest("textDocument/definition", at(guide, 12, 12))) as Location;
    expect(image.uri).toBe(site.uri("static/logo.png"));
  });

  test("find references to a heading and to a page", async () => {
    const toHeading = (await client.conn.sendRequest("textDocument/references", {
      ...at(intro, 6, 4),
      context: { includeDeclaration: false },
    })) as Location[];
    expect(toHeading).toEqual([
      { uri: guide, range: { start: { line: 7, character: 12 }, end: { line: 7, character: 28 } } },
    ]);
    const toPage = (await client.conn.sendRequest("textDocument/references", {
      ...at(intro, 0, 0),
      context: { includeDeclaration: false },
    })) as Location[];
    expect(toPage.map((l) => `${l.uri.slice(site.uri("").length)}:${l.range.start.line}`).sort()).toEqual([
      "/content/_index.md:6",
      "/content/docs/guide.md:7",
      "/content/docs/guide.md:8",
      "/content/docs/guide.md:9",
    ]);
  });

  test("document links, symbols and workspace symbols", async () => {
    const links = (await client.conn.sendRequest("textDocument/documentLink", {
      textDocument: { uri: guide },
    })) as DocumentLink[];
    expect(links.map((l) => l.target)).toEqual([
      `${intro}#L7`,
      intro,
      `${intro}#L11`,
      site.uri("content/wip.md"),
      site.uri("static/logo.png"),
    ]);
    const symbols = (await client.conn.sendRequest("textDocument/documentSymbol", {
      textDocument: { uri: intro },
    })) as DocumentSymbol[];
    expect(symbols.map((s) => [s.name, s.detail])).toEqual([
      ["Install", "#install"],
      ["Usage", "#use"],
    ]);
    const pages = (await client.conn.sendRequest("workspace/symbol", {
      query: "intr",
    })) as SymbolInformation[];
    expect(pages.map((p) => p.name)).toEqual(["Intro"]);
    expect(pages[0]!.location.uri).toBe(intro);
  });
});

describe("edits", () => {
  test("renaming a heading updates its anchor everywhere", async () => {
    const prepared = await client.conn.sendRequest("textDocument/prepareRename", at(intro, 6, 5));
    expect(prepared).toEqual({
      range: { start: { line: 6, character: 3 }, end: { line: 6, character: 10 } },
      placeholder: "Install",
    });
    const edit = (await client.conn.sendRequest("textDocument/rename", {
      ...at(intro, 6, 5),
      newName: "Set it up",
    })) as WorkspaceEdit;
    expect(edit.changes).toEqual({
      [intro]: [
        {
          range: { start: { line: 6, character: 3 }, end: { line: 6, character: 10 } },
          newText: "Set it up",
        },
      ],
      [guide]: [
        {
          range: { start: { line: 7, character: 21 }, end: { line: 7, character: 28 } },
          newText: "set-it-up",
        },
      ],
    });
  });

  test("renaming a file updates links to it, by path and by URL", async () => {
    const edit = (await client.conn.sendRequest("workspace/willRenameFiles", {
      files: [{ oldUri: intro, newUri: site.uri("content/start/intro.md") }],
    })) as WorkspaceEdit;
    expect(edit.changes).toEqual({
      [site.uri("content/_index.md")]: [
        {
          range: { start: { line: 6, character: 17 }, end: { line: 6, character: 30 } },
          newText: "start/intro.md",
        },
      ],
      [guide]: [
        {
          range: { start: { line: 7, character: 12 }, end: { line: 7, character: 20 } },
          newText: "../start/intro.md",
        },
        {
          range: { start: { line: 8, character: 11 }, end: { line: 8, character: 19 } },
          newText: "../start/intro.md",
        },
        {
          range: { start: { line: 9, character: 8 }, end: { line: 9, character: 20 } },
          newText: "/start/intro/",
        },
      ],
    });
  });

  test("code actions: did-you-mean for links and anchors, create the page, title and unknown keys", async () => {
    const diags = client.diagnostics.get(guide)!;
    const actions = (await client.conn.sendRequest("textDocument/codeAction", {
      textDocument: { uri: guide },
      range: { start: { line: 0, character: 0 }, end: { line: 15, character: 0 } },
      context: { diagnostics: diags },
    })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        "Change to #install",
        "Create content/docs/setup.md",
        "Create content/docs/gone.md",
        "Rename to title",
        "Remove titel",
      ]),
    );
    const anchor = actions.find((a) => a.title === "Change to #install")!;
    expect(anchor.edit!.changes![guide]).toEqual([
      { range: { start: { line: 8, character: 20 }, end: { line: 8, character: 26 } }, newText: "install" },
    ]);
    const create = actions.find((a) => a.title === "Create content/docs/setup.md")!;
    expect(create.edit!.documentChanges![0]).toEqual({
      kind: "create",
      uri: site.uri("content/docs/setup.md"),
      options: { ignoreIfExists: true },
    });

    const untitled = site.uri("content/docs/untitled.md");
    const title = (await client.conn.sendRequest("textDocument/codeAction", {
      textDocument: { uri: untitled },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: {
        diagnostics: [
          {
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            message: "",
            source: "bengal",
            code: "frontmatter.missing-title",
          },
        ],
      },
    })) as CodeAction[];
    expect(title[0]!.edit!.changes![untitled]).toEqual([
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        newText: '---\ntitle: "Untitled"\n---\n\n',
      },
    ]);
  });
});
