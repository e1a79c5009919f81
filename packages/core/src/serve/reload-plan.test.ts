import { describe, expect, test } from "bun:test";
import { injectBeforeBodyEnd } from "./inject.ts";
import type { OverlayError } from "./overlay.ts";
import { planMessages } from "./reload-plan.ts";

const ERROR: OverlayError = {
  file: "content/a.md",
  line: 2,
  column: 8,
  message: "bad",
  code: "frontmatter.invalid-yaml",
  hint: null,
  frame: "",
};
const css = { path: "/site/assets/css/custom.css", kind: "change" } as const;
const md = { path: "/site/content/a.md", kind: "change" } as const;

describe("planMessages", () => {
  test("a CSS-only change swaps stylesheets even though fingerprinted pages changed", () => {
    const changedPaths = ["assets/css/custom.1.css", "assets/css/custom.2.css", "index.html"];
    expect(planMessages({ changes: [css], changedPaths, errors: [], hadErrors: false })).toEqual([
      { type: "css" },
    ]);
  });

  test("any other change reloads with the changed outputs", () => {
    expect(
      planMessages({ changes: [css, md], changedPaths: ["a/index.html"], errors: [], hadErrors: false }),
    ).toEqual([{ type: "reload", paths: ["a/index.html"] }]);
    const deleted = { ...css, kind: "delete" } as const;
    expect(
      planMessages({ changes: [deleted], changedPaths: ["x.css"], errors: [], hadErrors: false })[0]?.type,
    ).toBe("reload");
  });

  test("nothing written, nothing sent", () => {
    expect(planMessages({ changes: [md], changedPaths: [], errors: [], hadErrors: false })).toEqual([]);
  });

  test("errors are sent first; their end is announced once", () => {
    expect(
      planMessages({ changes: [md], changedPaths: ["a/index.html"], errors: [ERROR], hadErrors: false }),
    ).toEqual([
      { type: "errors", errors: [ERROR] },
      { type: "reload", paths: ["a/index.html"] },
    ]);
    expect(planMessages({ changes: [md], changedPaths: [], errors: [], hadErrors: true })).toEqual([
      { type: "errors", errors: [] },
    ]);
  });
});

describe("injectBeforeBodyEnd", () => {
  test("goes before the last </body>, else </html>, else the end", () => {
    expect(injectBeforeBodyEnd("<p>x</p></BODY></html>", "<s>")).toBe("<p>x</p><s></BODY></html>");
    expect(injectBeforeBodyEnd("<p>x</p></html>", "<s>")).toBe("<p>x</p><s></html>");
    expect(injectBeforeBodyEnd("<p>x</p>", "<s>")).toBe("<p>x</p><s>");
  });
});
