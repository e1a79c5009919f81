import { describe, expect, test } from "bun:test";
import { parseSeverities, pushedValidate } from "./settings.ts";

describe("parseSeverities", () => {
  test("keeps the four levels and warns about anything else", () => {
    const warnings: string[] = [];
    const out = parseSeverities({ a: "error", b: "warning", c: "info", d: "off", e: "fatal", f: 3 }, (m) =>
      warnings.push(m),
    );
    expect(out).toEqual({ a: "error", b: "warning", c: "info", d: "off" });
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('bengal.validate["e"] = "fatal"');
  });

  test("a missing setting is empty; a non-object is ignored with a warning", () => {
    const warnings: string[] = [];
    expect(parseSeverities(undefined, (m) => warnings.push(m))).toEqual({});
    expect(warnings).toEqual([]);
    expect(parseSeverities(["error"], (m) => warnings.push(m))).toEqual({});
    expect(warnings).toHaveLength(1);
  });
});

describe("pushedValidate", () => {
  test("reads VS Code's `{ bengal: { validate } }` and the bare section; nothing means pull", () => {
    expect(pushedValidate({ bengal: { validate: { a: "off" } } })).toEqual({ value: { a: "off" } });
    expect(pushedValidate({ bengal: {} })).toEqual({ value: undefined });
    expect(pushedValidate({ validate: { a: "info" } })).toEqual({ value: { a: "info" } });
    expect(pushedValidate(null)).toBeUndefined();
    expect(pushedValidate({})).toBeUndefined();
  });
});
