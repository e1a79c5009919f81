import { expect, test } from "bun:test";
import { closest, didYouMean, levenshtein } from "./suggest.ts";

test("levenshtein", () => {
  expect(levenshtein("kitten", "sitting")).toBe(3);
  expect(levenshtein("", "abc")).toBe(3);
  expect(levenshtein("same", "same")).toBe(0);
});

test("closest keeps short words strict", () => {
  const keys = ["title", "date", "tags"];
  expect(closest("titel", keys)).toBe("title");
  expect(closest("Title", keys)).toBe("title");
  expect(closest("tag", keys)).toBe("tags");
  expect(closest("name", keys)).toBeNull();
  expect(closest("title", keys)).toBeNull();
  expect(didYouMean("dates", keys)).toBe(" — did you mean `date`?");
  expect(didYouMean("zzz", keys)).toBe("");
});
