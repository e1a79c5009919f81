import { expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { startClient, summary, tempSite } from "./client.ts";

const LSP = join(import.meta.dir, "..");

/** Builds the Node bundle the VS Code extension runs; null when it works, else why the test is skipped. */
function prepare(): string | null {
  const node = spawnSync("node", ["--version"], { encoding: "utf8" });
  if (node.status !== 0) return "node is not installed";
  const major = Number(/^v(\d+)/.exec(node.stdout)?.[1] ?? 0);
  if (major < 20) return `node ${node.stdout.trim()} is older than 20`;
  const built = spawnSync("bun", ["run", "build"], { cwd: LSP, encoding: "utf8" });
  if (built.status !== 0) return `the bundle did not build: ${built.stderr}`;
  return null;
}

const skipped = prepare();
if (skipped) console.log(`skipping the Node bundle test: ${skipped}`);

test.skipIf(skipped !== null)("the Node bundle answers initialize and publishes diagnostics", async () => {
  const site = tempSite({
    "bengal.toml": '[site]\ntitle = "On Node"\n',
    "content/a.md": "---\ntitle: A\ndraft: maybe\n---\n\n[b](b.md#nowhere) [c](c.md)\n",
    "content/b.md": "---\ntitle: B\n---\n\n## Somewhere\n",
  });
  const client = await startClient(site.root, {
    command: ["node", join(LSP, "bin/bengal-lsp.js"), "--stdio"],
  });
  try {
    await client.until((d) => d.has(site.uri("content/a.md")), "diagnostics from the Node server");
    expect(summary(client.diagnostics.get(site.uri("content/a.md")))).toEqual([
      "frontmatter.invalid-type@2:7-2:12",
      "link.no-such-anchor@5:4-5:16",
      "link.no-such-page@5:22-5:26",
    ]);
  } finally {
    await client.stop();
    site.dispose();
  }
});
