import { describe, expect, test } from "bun:test";
import { colorEnabled, paint } from "./terminal.ts";

describe("colorEnabled", () => {
  test("follows the TTY unless NO_COLOR or FORCE_COLOR say otherwise", () => {
    expect(colorEnabled({}, true)).toBe(true);
    expect(colorEnabled({}, false)).toBe(false);
    expect(colorEnabled({ NO_COLOR: "1" }, true)).toBe(false);
    expect(colorEnabled({ NO_COLOR: "" }, true)).toBe(true);
    expect(colorEnabled({ FORCE_COLOR: "1" }, false)).toBe(true);
    expect(colorEnabled({ FORCE_COLOR: "0" }, true)).toBe(false);
    expect(colorEnabled({ FORCE_COLOR: "1", NO_COLOR: "1" }, false)).toBe(true);
  });

  test("paint adds escapes only when colour is on", () => {
    expect(paint({ color: false }, "red", "x")).toBe("x");
    expect(paint({ color: true }, "red", "x")).toBe("\x1b[31mx\x1b[39m");
  });
});
