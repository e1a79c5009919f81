import { describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BuildResult, Diagnostic } from "@bengal/core";
import { parseArgs } from "../args.ts";
import { BUILD } from "../spec.ts";
import type { Terminal } from "../terminal.ts";
import { type BuildApi, runBuild } from "./build.ts";

class FakeBuildError extends Error {
  readonly exitCode = 2;
  constructor(
    message: string,
    readonly diagnostics: readonly Diagnostic[],
  ) {
    super(message);
  }
}

const SOURCE = "---\ntitle: A\n---\n\nIntro.\nSee [x](/nope/) now.\nEnd.\n";
const LINK: Diagnostic = {
  code: "link.no-such-page",
  severity: "error",
  message: "No page at /nope/",
  hint: "Check the URL.",
  file: "content/a.md",
  range: { start: { line: 5, character: 8 }, end: { line: 5, character: 14 } },
};
const WARN: Diagnostic = { ...LINK, code: "link.no-such-anchor", severity: "warning", message: "No heading" };

function result(diagnostics: Diagnostic[]): BuildResult {
  return {
    pages: 3,
    assets: 1,
    written: 4,
    unchanged: 0,
    removed: 0,
    changedPaths: [],
    workers: { pages: 0, assets: 0 },
    cache: { mode: "off", reason: null, rendered: 3, changed: [], reasons: {} },
    outputDir: "/site/public",
    timings: [
      { stage: "config", ms: 1 },
      { stage: "render", ms: 12 },
    ],
    diagnostics,
    failed: diagnostics.some((d) => d.severity === "error"),
  };
}

async function run(argv: string[], outcome: BuildResult | FakeBuildError) {
  const root = mkdtempSync(join(tmpdir(), "bengal-build-cmd-"));
  writeFileSync(join(root, "bengal.toml"), "[build\n");
  mkdirSync(join(root, "content"));
  mkdirSync(join(root, "site"));
  writeFileSync(join(root, "content", "a.md"), SOURCE);
  let out = "";
  let err = "";
  const term: Terminal = {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    color: false,
    cwd: root,
  };
  const seen: unknown[] = [];
  const api = {
    build: async (options: unknown) => {
      seen.push(options);
      if (outcome instanceof FakeBuildError) throw outcome;
      return outcome;
    },
    BuildError: FakeBuildError,
  } as unknown as BuildApi;
  try {
    const code = await runBuild(term, parseArgs(argv, BUILD.flags), async () => api);
    return { code, out, err, options: seen[0] as Record<string, unknown>, root };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe("runBuild", () => {
  test("prints errors first with a code frame, the hint and the counts; exit 1", async () => {
    const r = await run([], result([WARN, LINK]));
    expect(r.code).toBe(1);
    const lines = r.out.split("\n");
    const first = lines.findIndex((l) =>
      l.startsWith("content/a.md:6:9  error  No page at /nope/  [link.no-such-page]"),
    );
    const second = lines.findIndex((l) => l.startsWith("content/a.md:6:9  warning  No heading"));
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    expect(lines.slice(first + 1, first + 7)).toEqual([
      "    4 |",
      "    5 | Intro.",
      "  > 6 | See [x](/nope/) now.",
      "      |         ^~~~~~",
      "    7 | End.",
      "  hint: Check the URL.",
    ]);
    expect(lines.at(-2)).toBe("1 error, 1 warning");
    expect(r.out).toContain("✗ Built 3 pages, 1 asset with errors in");
  });

  test("a clean build prints the summary and a compact timing line; exit 0", async () => {
    const r = await run([], result([]));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^✓ Built 3 pages, 1 asset in \d+ ms/);
    expect(r.out).toContain("config 1 ms · render 12 ms");
  });

  test("--json prints exactly one object", async () => {
    const r = await run(["--json"], result([LINK]));
    expect(r.code).toBe(1);
    expect(r.out.endsWith("}\n")).toBe(true);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ ok: false, pages: 3, assets: 1, written: 4, outputDir: "/site/public" });
    expect(json.diagnostics).toEqual([
      {
        code: "link.no-such-page",
        severity: "error",
        message: "No page at /nope/",
        hint: "Check the URL.",
        file: "content/a.md",
        line: 6,
        column: 9,
        endLine: 6,
        endColumn: 15,
        range: LINK.range,
      },
    ]);
  });

  test("--quiet prints only the diagnostics", async () => {
    expect((await run(["--quiet"], result([]))).out).toBe("");
    const r = await run(["--quiet"], result([WARN]));
    expect(r.code).toBe(0);
    expect(r.out.startsWith("content/a.md:6:9  warning")).toBe(true);
    expect(r.out).not.toContain("Built");
  });

  test("BuildError exits 2 with its diagnostics on stderr, or as JSON", async () => {
    const bad = new FakeBuildError("the config file bengal.toml cannot be used", [
      {
        ...LINK,
        code: "config.invalid-toml",
        file: "bengal.toml",
        range: { start: { line: 0, character: 6 }, end: { line: 0, character: 6 } },
      },
    ]);
    const text = await run([], bad);
    expect(text.code).toBe(2);
    expect(text.out).toBe("");
    expect(text.err).toContain("bengal.toml:1:7  error");
    expect(text.err).toContain("> 1 | [build");
    const json = await run(["--json"], bad);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out).ok).toBe(false);
  });

  test("flags become build options, paths resolved against the working folder", async () => {
    const r = await run(
      [
        "site",
        "--drafts",
        "--baseurl",
        "https://x.org",
        "--output=out",
        "--config",
        "c.toml",
        "--strict",
        "--no-parallel",
      ],
      result([]),
    );
    expect(r.options).toMatchObject({
      root: join(r.root, "site"),
      drafts: true,
      baseurl: "https://x.org",
      outputDir: join(r.root, "out"),
      configPath: join(r.root, "c.toml"),
      strict: true,
      parallel: false,
    });
  });
});
