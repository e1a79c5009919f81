import { describe, expect, test } from "bun:test";
import type { RenderTarget } from "../model/site.ts";
import type { PageFacts } from "../render/page-render.ts";
import { poolWork, type RenderGroup } from "./render-stage.ts";

const targets = (n: number) => Array.from({ length: n }, () => ({}) as RenderTarget);
const facts = {} as PageFacts;

describe("how much work a render is, for the choice of the page pool", () => {
  const fresh: RenderGroup = { pageId: "a.md", targets: targets(3) };
  const cached: RenderGroup = { pageId: "b.md", targets: targets(10), facts };
  const list: RenderGroup = { pageId: "@generated/tags", targets: targets(40) };

  test("pages with markdown count whole; generated lists not at all", () => {
    expect(poolWork([fresh, list], true)).toBe(3);
  });

  test("pages rendered from cached markdown count for a share, only when workers read it from the cache", () => {
    expect(poolWork([fresh, cached], true)).toBeCloseTo(3 + 10 * 0.2);
    expect(poolWork([fresh, cached], false)).toBe(3);
  });

  test("a layout edit of 10,000 pages is pool work; of 1,500 it is not (below 500 pages' worth)", () => {
    const many = (n: number): RenderGroup[] => [{ pageId: "p.md", targets: targets(n), facts }];
    expect(poolWork(many(10_000), true)).toBeGreaterThanOrEqual(500);
    expect(poolWork(many(1_500), true)).toBeLessThan(500);
  });
});
