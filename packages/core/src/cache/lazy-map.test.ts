import { describe, expect, test } from "bun:test";
import { LazyMap } from "./lazy-map.ts";

describe("LazyMap", () => {
  test("a lazy value is produced once, on its first get; keys and size need none", () => {
    let loads = 0;
    const map = new LazyMap<string, number>().set("a", 1).setLazy("b", () => {
      loads++;
      return 2;
    });
    expect(map.size).toBe(2);
    expect([...map.keys()]).toEqual(["a", "b"]);
    expect(map.has("b")).toBe(true);
    expect(loads).toBe(0);
    expect(map.isPending("b")).toBe(true);
    expect(map.isPending("a")).toBe(false);
    expect(map.get("b")).toBe(2);
    expect(map.isPending("b")).toBe(false);
    expect(map.get("b")).toBe(2);
    expect(loads).toBe(1);
    expect([...map]).toEqual([
      ["a", 1],
      ["b", 2],
    ]);
    expect(map.get("c")).toBeUndefined();
  });
});
