import { expect, test } from "bun:test";
import type { DocumentSymbol } from "vscode-languageserver/node";
import { startClient, summary, tempSite } from "./client.ts";
import { FIXTURE } from "./fixture.ts";

/** A seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = [
  "---\n",
  "+++\n",
  "[x](",
  "](#",
  ")",
  "#",
  "\n## H\n",
  "title: [",
  ": ",
  "\r\n",
  "`",
  "<a id='",
  "\u0000",
  "é",
  "\n    ",
  "[^1]",
];

test("random edits, odd files and binary bytes never stop the server answering", async () => {
  const site = tempSite({
    ...FIXTURE,
    "content/deep.md": `---\n${Array.from({ length: 200 }, (_, i) => `${"  ".repeat(i)}k${i}:`).join("\n")} x\n---\n`,
    "content/fences.md": "---\ntitle: never closed\n\n# Body\n",
    "content/toml.md": "+++\ntitle = 'x\n+++\n",
  });
  const binary = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
  await Bun.write(`${site.root}/content/binary.md`, binary);
  const client = await startClient(site.root);
  try {
    await client.until(
      (d) => d.has(site.uri("content/binary.md")) && d.has(site.uri("content/fences.md")),
      "the odd files' diagnostics",
    );
    expect(summary(client.diagnostics.get(site.uri("content/binary.md")))).toEqual([
      "content.not-utf8@0:0-0:0",
    ]);
    expect(summary(client.diagnostics.get(site.uri("content/fences.md")))).toEqual([
      "frontmatter.unclosed@0:0-0:3",
    ]);

    const uri = site.uri("content/docs/guide.md");
    let text = FIXTURE["content/docs/guide.md"]!;
    client.open(uri, text);
    const next = random(42);
    for (let i = 0; i < 150; i++) {
      const at = Math.floor(next() * (text.length + 1));
      if (next() < 0.3) text = text.slice(0, at) + text.slice(at + Math.floor(next() * 20));
      else text = text.slice(0, at) + PIECES[Math.floor(next() * PIECES.length)]! + text.slice(at);
      client.change(uri, text);
      if (i % 25 === 0) {
        const line = Math.floor(next() * 20);
        await client.conn.sendRequest("textDocument/completion", {
          textDocument: { uri },
          position: { line, character: 3 },
        });
        await client.conn.sendRequest("textDocument/hover", {
          textDocument: { uri },
          position: { line, character: 5 },
        });
      }
    }
    client.change(uri, "---\ntitle: Calm\n---\n\n# One\n\n## Two\n");
    const symbols = (await client.conn.sendRequest("textDocument/documentSymbol", {
      textDocument: { uri },
    })) as DocumentSymbol[];
    expect(symbols.map((s) => [s.name, s.children?.map((c) => c.name)])).toEqual([["One", ["Two"]]]);
    await client.until((d) => d.get(uri)?.length === 0, "the calm text to be clean");
  } finally {
    await client.stop();
    site.dispose();
  }
});
