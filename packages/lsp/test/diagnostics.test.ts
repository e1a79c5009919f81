import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { startClient, summary, type TestClient, tempSite } from "./client.ts";
import { FIXTURE } from "./fixture.ts";

const has = (code: string) => (list: ReturnType<typeof summary>) => list.some((s) => s.startsWith(code));

describe("diagnostics pushed for every file of the site", () => {
  const site = tempSite(FIXTURE);
  let client: TestClient;
  beforeAll(async () => {
    client = await startClient(site.root);
    await client.until(
      (d) =>
        [
          "content/docs/guide.md",
          "content/bad-yaml.md",
          "content/bad-date.md",
          "content/bad-layout.md",
        ].every((f) => d.has(site.uri(f))),
      "the initial diagnostics",
    );
  });
  afterAll(async () => {
    await client.stop();
    site.dispose();
  });

  test("links: missing page, missing anchor, draft target, with the build's codes and exact ranges", () => {
    const guide = client.diagnostics.get(site.uri("content/docs/guide.md"))!;
    expect(summary(guide)).toEqual([
      "frontmatter.unknown-key@2:7-2:11",
      "link.draft-page@11:10-11:19",
      "link.no-such-anchor@8:11-8:26",
      "link.no-such-page@10:9-10:17",
      "link.no-such-page@13:12-13:23",
    ]);
    const bySummary = new Map(guide.map((d) => [summary([d])[0], d]));
    // [validate] made the unknown key a warning (2); a missing anchor is a warning, a missing page an error.
    expect(bySummary.get("frontmatter.unknown-key@2:7-2:11")!.severity).toBe(2);
    expect(bySummary.get("link.no-such-anchor@8:11-8:26")!.message).toContain("Did you mean #install?");
    expect(bySummary.get("link.no-such-page@10:9-10:17")!.severity).toBe(1);
    expect(bySummary.get("link.draft-page@11:10-11:19")!.severity).toBe(2);
  });

  test("front matter: invalid YAML, a bad date, an unknown layout", () => {
    expect(summary(client.diagnostics.get(site.uri("content/bad-yaml.md")))).toEqual([
      "frontmatter.invalid-yaml@2:0-2:1",
    ]);
    expect(summary(client.diagnostics.get(site.uri("content/bad-date.md")))).toEqual([
      "frontmatter.invalid-date@2:6-2:16",
    ]);
    const layout = client.diagnostics.get(site.uri("content/bad-layout.md"))!;
    expect(summary(layout)).toEqual(["layout.not-found@2:8-2:14"]);
    expect(layout[0]!.message).toContain("Available layouts: 404, base, home, page, section, taxonomy, term");
  });

  test("clean files and the output folder get nothing", () => {
    expect(client.diagnostics.get(site.uri("content/docs/intro.md"))).toBeUndefined();
    expect(client.diagnostics.get(site.uri("public/old.md"))).toBeUndefined();
  });

  test("a fix in an unsaved buffer clears the diagnostic; the disk is not touched", async () => {
    const uri = site.uri("content/bad-date.md");
    client.open(uri, FIXTURE["content/bad-date.md"]!);
    client.change(uri, "---\ntitle: Bad date\ndate: 2025-12-24\n---\n\nBody.\n");
    await client.until((d) => d.get(uri)?.length === 0, "bad-date.md to be clean");
    expect(readFileSync(join(site.root, "content/bad-date.md"), "utf8")).toContain("2025-13-45");
    client.change(uri, "---\ntitle: Bad date\ndate: 2025-12-99\n---\n\nBody.\n");
    await client.until(
      (d) => has("frontmatter.invalid-date@2:6-2:16")(summary(d.get(uri))),
      "the error back",
    );
  });

  test("an unsaved heading satisfies links to it from other files", async () => {
    const uri = site.uri("content/docs/intro.md");
    const guide = site.uri("content/docs/guide.md");
    client.open(uri, FIXTURE["content/docs/intro.md"]!);
    client.change(uri, `${FIXTURE["content/docs/intro.md"]}\n## Instal\n`);
    await client.until(
      (d) => !has("link.no-such-anchor")(summary(d.get(guide))),
      "the anchor diagnostic to go",
    );
    client.change(uri, FIXTURE["content/docs/intro.md"]!);
    await client.until(
      (d) => has("link.no-such-anchor@8:11-8:26")(summary(d.get(guide))),
      "the anchor diagnostic back",
    );
  });
});

describe("diagnostics follow the workspace", () => {
  test("renaming and deleting a linked page re-checks the file that links to it", async () => {
    const site = tempSite(FIXTURE);
    const client = await startClient(site.root);
    const home = site.uri("content/_index.md");
    const notify = (changes: Array<[string, number]>) =>
      client.conn.sendNotification("workspace/didChangeWatchedFiles", {
        changes: changes.map(([rel, type]) => ({ uri: site.uri(rel), type })),
      });
    try {
      await client.until((d) => d.has(site.uri("content/docs/guide.md")), "the initial diagnostics");
      expect(client.diagnostics.get(home)).toBeUndefined();

      renameSync(join(site.root, "content/docs/intro.md"), join(site.root, "content/docs/start.md"));
      await notify([
        ["content/docs/intro.md", 3],
        ["content/docs/start.md", 1],
      ]);
      await client.until(
        (d) => summary(d.get(home)).join() === "link.no-such-page@6:17-6:30",
        "the home page's link to break",
      );

      renameSync(join(site.root, "content/docs/start.md"), join(site.root, "content/docs/intro.md"));
      await notify([
        ["content/docs/start.md", 3],
        ["content/docs/intro.md", 1],
      ]);
      await client.until((d) => d.get(home)?.length === 0, "the link to work again");

      rmSync(join(site.root, "content/docs/intro.md"));
      await notify([["content/docs/intro.md", 3]]);
      await client.until(
        (d) => summary(d.get(home)).join() === "link.no-such-page@6:17-6:30",
        "the link to break on delete",
      );
    } finally {
      await client.stop();
      site.dispose();
    }
  });

  test("a config change re-checks every file", async () => {
    const site = tempSite(FIXTURE);
    const client = await startClient(site.root);
    const guide = site.uri("content/docs/guide.md");
    try {
      await client.until((d) => has("link.no-such-page")(summary(d.get(guide))), "the initial diagnostics");
      site.write(
        "bengal.toml",
        '[build]\nvalidate_links = false\n\n[validate]\n"frontmatter.unknown-key" = "off"\n',
      );
      await client.conn.sendNotification("workspace/didChangeWatchedFiles", {
        changes: [{ uri: site.uri("bengal.toml"), type: 2 }],
      });
      await client.until((d) => d.get(guide)?.length === 0, "guide.md to be clean");
      site.write("bengal.toml", "[content]\nrequire_title = true\n");
      await client.conn.sendNotification("workspace/didChangeWatchedFiles", {
        changes: [{ uri: site.uri("bengal.toml"), type: 2 }],
      });
      // bad-yaml.md lost its title to the syntax error: it is now reported as untitled too.
      await client.until(
        (d) =>
          has("frontmatter.missing-title@0:0-2:0")(summary(d.get(site.uri("content/bad-yaml.md")))) &&
          has("link.no-such-page@10:9-10:17")(summary(d.get(guide))),
        "require_title to apply and links to be checked again",
      );
    } finally {
      await client.stop();
      site.dispose();
    }
  });

  test("two sites side by side in one workspace folder", async () => {
    const a = { "bengal.toml": "", "content/a.md": "---\ntitle: A\n---\n[x](nope.md)\n" };
    const site = tempSite({
      ...Object.fromEntries(Object.entries(a).map(([k, v]) => [`one/${k}`, v])),
      "two/bengal.yaml": "site:\n  title: Two\n",
      "two/content/b.md": "---\ndate: never\n---\n",
    });
    const client = await startClient(site.root);
    try {
      await client.until(
        (d) =>
          summary(d.get(site.uri("one/content/a.md"))).join() === "link.no-such-page@3:4-3:11" &&
          summary(d.get(site.uri("two/content/b.md"))).join() === "frontmatter.invalid-date@1:6-1:11",
        "both sites' diagnostics",
      );
    } finally {
      await client.stop();
      site.dispose();
    }
  });
});

test("pull diagnostics for open files when the client asks for them, push for the rest", async () => {
  const site = tempSite(FIXTURE);
  const client = await startClient(site.root, {
    capabilities: {
      textDocument: { diagnostic: { dynamicRegistration: false } },
      workspace: { diagnostics: { refreshSupport: true } },
    },
  });
  const guide = site.uri("content/docs/guide.md");
  try {
    await client.until((d) => d.has(site.uri("content/bad-date.md")), "pushed diagnostics for closed files");
    client.open(guide, FIXTURE["content/docs/guide.md"]!.replace("intro.md#instal)", "intro.md#install)"));
    const report = (await client.conn.sendRequest("textDocument/diagnostic", {
      textDocument: { uri: guide },
    })) as {
      kind: string;
      items: Parameters<typeof summary>[0];
    };
    expect(report.kind).toBe("full");
    expect(summary(report.items)).toEqual([
      "frontmatter.unknown-key@2:7-2:11",
      "link.draft-page@11:10-11:19",
      "link.no-such-page@10:9-10:17",
      "link.no-such-page@13:12-13:23",
    ]);
  } finally {
    await client.stop();
    site.dispose();
  }
});
