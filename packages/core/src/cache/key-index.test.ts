import { describe, expect, test } from "bun:test";
import { KeyIndex } from "./key-index.ts";

const values = (v: Record<string, string>) => (key: string) => v[key] ?? "-";

describe("KeyIndex", () => {
  test("only the dependents of keys whose value moved are stale", () => {
    const keys = new KeyIndex();
    keys.add("targets", "a/index.html", { "meta:a": "1", "layout:page": "L" });
    keys.add("targets", "b/index.html", { "meta:b": "2", "layout:page": "L" });
    keys.add("pages", "a", { "body:a": "x" });
    const now = { "meta:a": "1", "meta:b": "2", "layout:page": "L", "body:a": "x" };
    expect(keys.stale(values(now))).toEqual({ targets: new Set(), pages: new Set() });
    expect(keys.stale(values({ ...now, "meta:b": "3" })).targets).toEqual(new Set(["b/index.html"]));
    expect(keys.stale(values({ ...now, "layout:page": "M" })).targets).toEqual(
      new Set(["a/index.html", "b/index.html"]),
    );
    expect(keys.stale(values({ ...now, "body:a": "y" })).pages).toEqual(new Set(["a"]));
  });

  test("a stored row replaces the value; a forgotten row stops being a dependent", () => {
    const keys = new KeyIndex();
    keys.add("targets", "a", { k: "1" });
    keys.remove("targets", "a", { k: "1" });
    keys.add("targets", "a", { k: "2" });
    expect(keys.stale(values({ k: "2" })).targets.size).toBe(0);
    keys.remove("targets", "a", { k: "2" });
    expect(keys.stale(values({ k: "9" })).targets.size).toBe(0);
  });

  test("rows read back after a build stopped half-way disagree on a key: all its dependents are checked", () => {
    const keys = new KeyIndex();
    keys.load("targets", "fresh", { k: "2" });
    keys.load("targets", "old", { k: "1" });
    // Current value 2: `old` recorded 1 and must be looked at, whichever row came last.
    expect(keys.stale(values({ k: "2" })).targets).toEqual(new Set(["fresh", "old"]));
  });
});
