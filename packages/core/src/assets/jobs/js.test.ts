import { describe, expect, test } from "bun:test";
import { processJs } from "./js.ts";
import type { AssetJob } from "./types.ts";

const job: AssetJob = {
  rel: "js/app.js",
  source: "/s/assets/js/app.js",
  file: "assets/js/app.js",
  kind: "js",
  options: { minify: true, fingerprint: false, optimize: false },
};
const run = (text: string) => processJs(job, async () => new TextEncoder().encode(text));

describe("processJs", () => {
  test("minifies whitespace but keeps unused top-level names (classic scripts define globals)", async () => {
    expect(await run("// c\nvar unused = 1;\nfunction helper(a) {\n  return a + 1;\n}\n")).toEqual({
      ok: true,
      content: "var unused=1;function helper(a){return a+1}",
      diagnostics: [],
    });
  });

  test("keeps a file-level 'use strict' and leaves function-level directives unminified", async () => {
    const top = await run("'use strict';\nvar a = 1;\n");
    expect(top.ok && top.content).toBe('"use strict";var a=1;');
    const inner = "(function () {\n  'use strict';\n  window.a = this;\n})();\n";
    const kept = await run(inner);
    expect(kept.ok && kept.content).toBe(inner);
  });

  test("a syntax error is reported with its position", async () => {
    const result = await run("const a = 1;\nconst b = ;\n");
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ code: "asset.failed", file: "assets/js/app.js" });
    expect(result.diagnostics[0]!.range.start).toEqual({ line: 1, character: 10 });
  });
});
