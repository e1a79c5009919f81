import { describe, expect, test } from "bun:test";
import {
  type BuildJson,
  type CliDiagnostic,
  countSeverities,
  ProblemSeverity,
  parseBuildJson,
  summarize,
  toProblems,
  withoutShown,
} from "./problems.ts";

const link: CliDiagnostic = {
  code: "link.no-such-page",
  severity: "error",
  message: "no page at /docs/missing/",
  hint: "Did you mean /docs/install/?",
  file: "content/index.md",
  line: 7,
  column: 3,
  endLine: 7,
  endColumn: 21,
};

describe("toProblems", () => {
  test("1-based CLI positions become 0-based ranges under the absolute file", () => {
    const byFile = toProblems([link], "/site", "/site/bengal.toml");
    expect([...byFile.keys()]).toEqual(["/site/content/index.md"]);
    expect(byFile.get("/site/content/index.md")).toEqual([
      {
        range: { start: { line: 6, character: 2 }, end: { line: 6, character: 20 } },
        message: "no page at /docs/missing/\nDid you mean /docs/install/?",
        severity: ProblemSeverity.Error,
        code: "link.no-such-page",
        source: "bengal build",
      },
    ]);
  });

  test("severities map to VS Code's numbers; unknown ones count as errors", () => {
    const severities = ["error", "warning", "info", "fatal"].map((severity) => {
      const [problem] = toProblems([{ ...link, severity }], "/s", "/s/bengal.toml").get(
        "/s/content/index.md",
      )!;
      return problem!.severity;
    });
    expect(severities).toEqual([0, 1, 2, 0]);
  });

  test("groups per file, keeps order, files file-less diagnostics under the config", () => {
    const other = { ...link, file: "content/b.md", line: 1, column: 1 };
    const crash = { ...link, code: "build.internal", file: "", hint: null, line: 1, column: 1 };
    const byFile = toProblems([link, other, { ...link, line: 9 }, crash], "/s", "/s/bengal.toml");
    expect([...byFile.keys()]).toEqual(["/s/content/index.md", "/s/content/b.md", "/s/bengal.toml"]);
    expect(byFile.get("/s/content/index.md")!.map((p) => p.range.start.line)).toEqual([6, 8]);
    expect(byFile.get("/s/bengal.toml")![0]!.message).toBe("no page at /docs/missing/");
  });

  test("a missing or inverted end collapses to the start", () => {
    const { endLine: _l, endColumn: _c, ...noEnd } = link;
    const [a] = toProblems([noEnd], "/s", "/s/c").get("/s/content/index.md")!;
    expect(a!.range.end).toEqual({ line: 6, character: 2 });
    const [b] = toProblems([{ ...link, endLine: 2 }], "/s", "/s/c").get("/s/content/index.md")!;
    expect(b!.range.end).toEqual(b!.range.start);
  });
});

describe("withoutShown", () => {
  test("drops problems the language server already reports at the same place", () => {
    const problems = toProblems([link, { ...link, line: 9 }], "/s", "/s/c").get("/s/content/index.md")!;
    const kept = withoutShown(problems, [{ code: "link.no-such-page", line: 6, character: 2 }]);
    expect(kept.map((p) => p.range.start.line)).toEqual([8]);
  });
});

describe("parseBuildJson", () => {
  const result: BuildJson = {
    ok: false,
    pages: 3,
    assets: 2,
    written: 5,
    outputDir: "/s/public",
    timings: [{ stage: "render", ms: 12.4 }],
    diagnostics: [link, { ...link, severity: "warning" }, { ...link, severity: "info" }],
  };

  test("reads the result line and ignores stray output around it", () => {
    expect(parseBuildJson(`warming up\n${JSON.stringify(result)}\n`)).toEqual(result);
    expect(parseBuildJson("bengal: internal error\n")).toBeNull();
    expect(parseBuildJson('{"not": "a result"}')).toBeNull();
  });

  test("counts and summary", () => {
    expect(countSeverities(result.diagnostics)).toEqual({ errors: 1, warnings: 1, infos: 1 });
    const lines = summarize(result, 1520);
    expect(lines[0]).toBe("✗ Build failed in 1.52 s (3 pages, 2 assets)");
    expect(lines).toContain("  output: /s/public (5 written)");
    expect(lines).toContain("  render 12 ms");
    expect(lines).toContain("  1 error, 1 warning");
    expect(lines).toContain("  content/index.md:7:3  error  no page at /docs/missing/  [link.no-such-page]");
    expect(lines.filter((l) => l.includes("info"))).toEqual([]);
    expect(summarize({ ...result, ok: true, pages: 1, diagnostics: [] }, 80)[0]).toBe(
      "✓ Built 1 page, 2 assets in 80 ms",
    );
  });
});
