import { describe, expect, test } from "bun:test";
import { inflateSync } from "node:zlib";
import { makePng } from "../testing.ts";
import { readPng, recompressPng } from "./png.ts";

function pixels(bytes: Uint8Array): Buffer {
  const chunks = readPng(bytes);
  if (typeof chunks === "string") throw new Error(chunks);
  return inflateSync(Buffer.concat(chunks.filter((c) => c.type === "IDAT").map((c) => c.data)));
}

describe("png", () => {
  test("readPng accepts a whole PNG and names what is wrong with a broken one", () => {
    const png = makePng(8, 1);
    expect(typeof readPng(png)).not.toBe("string");
    expect(readPng(png.slice(0, png.length - 6))).toBe("corrupt PNG: the file is truncated");
    const flipped = png.slice();
    flipped[40] = flipped[40]! ^ 0xff;
    expect(readPng(flipped)).toMatch(/^corrupt PNG: bad checksum in /);
    expect(readPng(new TextEncoder().encode("GIF89a..."))).toBe("not a PNG file (bad signature)");
  });

  test("recompressPng shrinks the data and keeps every pixel and chunk", () => {
    const png = makePng(64, 5, 0);
    const chunks = readPng(png);
    if (typeof chunks === "string") throw new Error(chunks);
    const out = recompressPng(png, chunks);
    expect(out.length).toBeLessThan(png.length);
    expect(pixels(out).equals(pixels(png))).toBe(true);
    const after = readPng(out);
    if (typeof after === "string") throw new Error(after);
    expect(after.map((c) => c.type)).toEqual(["IHDR", "tEXt", "IDAT", "IEND"]);
  });
});
