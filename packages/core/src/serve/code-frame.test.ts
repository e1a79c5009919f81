import { describe, expect, test } from "bun:test";
import { codeFrameText, sourceLines } from "./code-frame.ts";

describe("codeFrameText", () => {
  const lines = sourceLines("---\ntitle: [oops\n---\n\tbody\nend\nmore\n");

  test("marks the range's line and underlines the range, with two lines of context", () => {
    const frame = codeFrameText(lines, { start: { line: 1, character: 7 }, end: { line: 1, character: 12 } });
    expect(frame).toBe(
      ["  1 | ---", "> 2 | title: [oops", "    |        ^~~~~", "  3 | ---", "  4 | \tbody", ""].join("\n"),
    );
  });

  test("keeps tabs in the padding and clamps a range past the end of the line", () => {
    const frame = codeFrameText(lines, { start: { line: 3, character: 1 }, end: { line: 3, character: 40 } });
    expect(frame).toContain("> 4 | \tbody\n    | \t^~~~\n");
  });

  test("a range beyond the file gives no frame", () => {
    expect(codeFrameText(lines, { start: { line: 99, character: 0 }, end: { line: 99, character: 0 } })).toBe(
      "",
    );
  });

  test("CRLF files and a final newline split like an editor numbers them", () => {
    expect(sourceLines("a\r\nb\r\n")).toEqual(["a", "b"]);
  });
});
