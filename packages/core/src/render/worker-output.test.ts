import { describe, expect, test } from "bun:test";
import type { PageFacts } from "./page-render.ts";
import { withoutBodyHtml } from "./worker-output.ts";

describe("a page's facts without the body HTML", () => {
  const lazyFacts = (): PageFacts => {
    const rendered = {
      toc: [],
      headings: [],
      summaryHtml: "<p>Sum.</p>",
      wordCount: 1,
    } as unknown as PageFacts["rendered"];
    Object.defineProperty(rendered, "html", {
      enumerable: true,
      get: () => {
        throw new Error("the body HTML was read");
      },
    });
    return { rendered, links: [], diagnostics: [], deps: { "body:a": "1" } };
  };

  test("leaves a cached body unread, and keeps everything else", () => {
    const out = withoutBodyHtml(lazyFacts(), false)!;
    expect(out.rendered.html).toBe("");
    expect(out.rendered.summaryHtml).toBe("<p>Sum.</p>");
    expect(out.rendered.wordCount).toBe(1);
    expect(out.deps).toEqual({ "body:a": "1" });
  });

  test("keeps the body when full-content feeds need it", () => {
    const facts = lazyFacts();
    expect(withoutBodyHtml(facts, true)).toBe(facts);
  });
});
