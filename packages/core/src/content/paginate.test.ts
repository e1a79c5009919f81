import { expect, test } from "bun:test";
import { paginate } from "./paginate.ts";

const ids = (n: number) => Array.from({ length: n }, (_, i) => `p${i}`);

test("25 items / 10 per page → 3 pagers of 10, 10, 5 with urls and links", () => {
  const pagers = paginate(ids(25), 10, "/blog/", true);
  expect(pagers.map((p) => p.itemIds.length)).toEqual([10, 10, 5]);
  expect(pagers[0]!.urls).toEqual(["/blog/", "/blog/page/2/", "/blog/page/3/"]);
  expect(pagers[0]!.prevUrl).toBeNull();
  expect(pagers[0]!.nextUrl).toBe("/blog/page/2/");
  expect(pagers[1]!.prevUrl).toBe("/blog/");
  expect(pagers[1]!.nextUrl).toBe("/blog/page/3/");
  expect(pagers[2]!.nextUrl).toBeNull();
  expect(pagers[2]!.itemIds).toEqual(["p20", "p21", "p22", "p23", "p24"]);
  expect(pagers.every((p) => p.total === 3 && p.totalItems === 25 && p.perPage === 10)).toBe(true);
  expect(pagers.map((p) => p.number)).toEqual([1, 2, 3]);
});

test("plain URLs", () => {
  expect(paginate(ids(3), 1, "/tags/go/", false)[2]!.urls).toEqual([
    "/tags/go/",
    "/tags/go/page/2.html",
    "/tags/go/page/3.html",
  ]);
});

test("empty list → one empty pager", () => {
  const pagers = paginate([], 10, "/", true);
  expect(pagers).toHaveLength(1);
  expect(pagers[0]!.itemIds).toEqual([]);
  expect(pagers[0]!.urls).toEqual(["/"]);
});

test("per_page below 1 counts as 1", () => {
  expect(paginate(ids(10), 0, "/", true)).toHaveLength(10);
  expect(paginate(ids(3), -5, "/", true)).toHaveLength(3);
});
