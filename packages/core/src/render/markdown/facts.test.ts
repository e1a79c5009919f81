import { describe, expect, test } from "bun:test";
import { countIn } from "./facts.ts";

/** The definition `countIn` must keep: split on `\s+`, count the pieces with a letter or digit. */
const bySplit = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

describe("countIn", () => {
  test("counts runs with a letter or digit, whatever separates them", () => {
    expect(countIn("Hello, world — 42 times!")).toBe(4);
    expect(countIn("  leading and trailing\t\n")).toBe(3);
    expect(countIn("a\u00a0b\u3000c\u2028d\ufeffe")).toBe(5);
    expect(countIn("— ... --- !!")).toBe(0);
    expect(countIn("café naïve 日本語 𝒜𝒷 😀 x😀")).toBe(5);
    expect(countIn("")).toBe(0);
  });

  test("agrees with split-and-test on random text of ASCII, Unicode spaces, letters, marks and astral characters", () => {
    const alphabet = [
      ..."ab Z09 \t\n\r\v\f.,;!?-—'\"()[]",
      "\u00a0",
      "\u1680",
      "\u2003",
      "\u200a",
      "\u200b",
      "\u2028",
      "\u202f",
      "\u205f",
      "\u3000",
      "\ufeff",
      "\u0085",
      "é",
      "ß",
      "Ж",
      "日",
      "٣",
      "Ⅻ",
      "\u0301",
      "😀",
      "𝒜",
      "𐐷",
      "\ud800",
      "\udc00",
      "\u00b2",
      "©",
    ];
    let seed = 3;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) | 0;
      return ((seed >>> 8) & 0xffff) / 0x10000;
    };
    for (let doc = 0; doc < 5000; doc++) {
      let text = "";
      const length = Math.floor(random() * 40);
      for (let k = 0; k < length; k++) text += alphabet[Math.floor(random() * alphabet.length)];
      if (countIn(text) !== bySplit(text))
        expect({ text, count: countIn(text) }).toEqual({ text, count: bySplit(text) });
    }
  });
});
