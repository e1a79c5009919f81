import { describe, expect, test } from "bun:test";
import { DEFAULT_CONFIG } from "../config/defaults.ts";
import type { ParsedDocument } from "../model/page.ts";
import { parseDocument } from "../parse/parse-document.ts";
import { buildSiteIndex } from "./index-builder.ts";

/** A document as the build cache hands it out: the body is read on first use. */
function lazyDoc(path: string, text: string, reads: { n: number }): ParsedDocument {
  const { doc } = parseDocument(path, text);
  const { body, ...rest } = doc;
  const lazy = { ...rest, bodyKey: `key-of-${path}` } as ParsedDocument;
  Object.defineProperty(lazy, "body", {
    enumerable: true,
    get() {
      reads.n++;
      return body;
    },
  });
  return lazy;
}

describe("pages from cached documents", () => {
  test("building the site index reads no body; a page reads its document's body when asked", () => {
    const reads = { n: 0 };
    const docs = [
      lazyDoc("content/a.md", "---\ntitle: A\ntags: [x]\n---\nBody A.\n", reads),
      lazyDoc("content/b.md", "---\ntitle: B\n---\nBody B.\n", reads),
    ];
    const { index } = buildSiteIndex(docs, DEFAULT_CONFIG, { drafts: false });
    expect(reads.n).toBe(0);
    const a = index.pages.get("content/a.md")!;
    expect(a.bodyKey).toBe("key-of-content/a.md");
    expect(a.body).toBe("Body A.\n");
    expect(reads.n).toBe(1);
  });

  test("a freshly parsed document gives its page the body itself and no body key", () => {
    const { doc } = parseDocument("content/c.md", "---\ntitle: C\n---\nBody C.\n");
    const { index } = buildSiteIndex([doc], DEFAULT_CONFIG, { drafts: false });
    const c = index.pages.get("content/c.md")!;
    expect(c.body).toBe("Body C.\n");
    expect(c.bodyKey).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(c, "body")?.get).toBeUndefined();
  });
});
