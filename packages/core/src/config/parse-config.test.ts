import { describe, expect, test } from "bun:test";
import type { Diagnostic } from "../model/diagnostic.ts";
import { DEFAULT_CONFIG } from "./defaults.ts";
import { normalizeBaseurl, parseConfig } from "./parse-config.ts";

const only = (ds: Diagnostic[], code: string) => ds.filter((d) => d.code === code);

describe("parseConfig (TOML)", () => {
  test("reads every section and keeps defaults for the rest", () => {
    const { config, diagnostics } = parseConfig(
      "bengal.toml",
      [
        'theme = "mine"',
        "[site]",
        'title = "Docs"',
        'baseurl = "https://example.com/docs/"',
        "[build]",
        "parallel = false",
        "max_workers = 8",
        "[markdown.highlight]",
        'dark = "nord"',
        "[[menu.main]]",
        'name = "Home"',
        'url = "/"',
        "[[menu.main]]",
        'name = "Blog"',
        'url = "/blog/"',
        "weight = 5",
        "[validate]",
        '"link.no-such-anchor" = "off"',
        "[params]",
        'github = "bengal"',
      ].join("\n"),
    );
    expect(diagnostics).toEqual([]);
    expect(config.theme).toBe("mine");
    expect(config.site.title).toBe("Docs");
    expect(config.site.baseurl).toBe("https://example.com/docs");
    expect(config.site.language).toBe("en");
    expect(config.build.parallel).toBe(false);
    expect(config.build.max_workers).toBe(8);
    expect(config.build.generate_rss).toBe(true);
    expect(config.markdown.highlight).toEqual({
      light: "github-light",
      dark: "nord",
      enabled: true,
      line_numbers: false,
    });
    expect(config.menu.main).toEqual([
      { name: "Home", url: "/", weight: 0 },
      { name: "Blog", url: "/blog/", weight: 5 },
    ]);
    expect(config.validate).toEqual({ "link.no-such-anchor": "off" });
    expect(config.params.github).toBe("bengal");
  });

  test("a wrong type is an error at the exact value", () => {
    const { config, diagnostics } = parseConfig(
      "bengal.toml",
      '[site]\ntitle = "x"\n\n[build]\nparallel = "yes"\n',
    );
    expect(diagnostics).toHaveLength(1);
    const d = diagnostics[0]!;
    expect(d.code).toBe("config.invalid-type");
    expect(d.severity).toBe("error");
    expect(d.file).toBe("bengal.toml");
    expect(d.message).toBe('build.parallel must be a boolean, got string "yes"');
    expect(d.range).toEqual({ start: { line: 4, character: 11 }, end: { line: 4, character: 16 } });
    expect(config.build.parallel).toBe(true);
  });

  test("locates values given as dotted keys and inline tables", () => {
    const { diagnostics } = parseConfig(
      "bengal.toml",
      'build.pretty_urls = 1\nmarkdown = { highlight = { enabled = "no" } }\n',
    );
    expect(diagnostics.map((d) => [d.message, d.range.start])).toEqual([
      ["build.pretty_urls must be a boolean, got number 1", { line: 0, character: 20 }],
      ['markdown.highlight.enabled must be a boolean, got string "no"', { line: 1, character: 37 }],
    ]);
  });

  test("unknown keys warn with a did-you-mean from the same table", () => {
    const { diagnostics } = parseConfig(
      "bengal.toml",
      "[build]\ngenerate_rs = false\n[sitee]\ntitle = 'x'\n",
    );
    const unknown = only(diagnostics, "config.unknown-key");
    expect(unknown.map((d) => d.severity)).toEqual(["warning", "warning"]);
    expect(unknown[0]!.message).toContain("did you mean `generate_rss`?");
    expect(unknown[0]!.range).toEqual({ start: { line: 1, character: 0 }, end: { line: 1, character: 11 } });
    expect(unknown[1]!.message).toContain("did you mean `site`?");
    expect(unknown[1]!.range.start).toEqual({ line: 2, character: 1 });
  });

  test("out of range numbers and bad [validate] entries", () => {
    const { config, diagnostics } = parseConfig(
      "bengal.toml",
      '[build]\nmax_workers = 0\n[pagination]\nper_page = 0\n[validate]\n"link.no-such-pag" = "off"\n"asset.not-found" = "fatal"\n',
    );
    expect(diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([
      ["config.invalid-value", 1],
      ["config.invalid-value", 3],
      ["config.unknown-key", 5],
      ["config.invalid-value", 6],
    ]);
    expect(diagnostics[2]!.message).toContain("did you mean `link.no-such-page`?");
    expect(config.build.max_workers).toBeNull();
    expect(config.pagination.per_page).toBe(10);
    expect(config.validate).toEqual({});
  });

  test("menu entries need a name and a url", () => {
    const { config, diagnostics } = parseConfig(
      "bengal.toml",
      '[[menu.main]]\nname = "A"\nurl = "/a/"\n\n[[menu.main]]\nname = "B"\n',
    );
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.message).toBe("menu.main[1] needs `url`");
    expect(diagnostics[0]!.range.start).toEqual({ line: 4, character: 0 });
    expect(config.menu.main.map((e) => e.name)).toEqual(["A"]);
  });

  test("a syntax error is reported with its position", () => {
    const { config, diagnostics } = parseConfig("bengal.toml", '[site]\ntitle = "ok"\nbaseurl = \n');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.code).toBe("config.invalid-toml");
    expect(diagnostics[0]!.range.start.line).toBe(2);
    expect(config).toBe(DEFAULT_CONFIG);
  });

  test("toc levels must be in order", () => {
    const { config, diagnostics } = parseConfig(
      "bengal.toml",
      "[markdown]\ntoc_min_level = 5\ntoc_max_level = 3\n",
    );
    expect(diagnostics.map((d) => d.code)).toEqual(["config.invalid-value"]);
    expect(diagnostics[0]!.range.start.line).toBe(1);
    expect(config.markdown.toc_min_level).toBe(2);
  });

  test("theme in [site] is accepted for Python Bengal sites", () => {
    expect(parseConfig("bengal.toml", '[site]\ntheme = "old"\n').config.theme).toBe("old");
  });
});

describe("parseConfig (YAML)", () => {
  test("a wrong type is an error at the exact value", () => {
    const { diagnostics } = parseConfig("bengal.yaml", "site:\n  title: Docs\nbuild:\n  parallel: yes\n");
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.message).toBe('build.parallel must be a boolean, got string "yes"');
    expect(diagnostics[0]!.range).toEqual({
      start: { line: 3, character: 12 },
      end: { line: 3, character: 15 },
    });
  });

  test("unknown keys, menu items and .yml", () => {
    const { config, diagnostics } = parseConfig(
      "bengal.yml",
      "build:\n  minify_asset: false\nmenu:\n  main:\n    - name: A\n      url: /a/\n      weight: heavy\n",
    );
    expect(diagnostics.map((d) => d.code)).toEqual(["config.unknown-key", "config.invalid-type"]);
    expect(diagnostics[0]!.message).toContain("did you mean `minify_assets`?");
    expect(diagnostics[0]!.range.start).toEqual({ line: 1, character: 2 });
    expect(diagnostics[1]!.range.start).toEqual({ line: 6, character: 14 });
    expect(config.menu.main).toEqual([{ name: "A", url: "/a/", weight: 0 }]);
  });

  test("a syntax error is reported with its position", () => {
    const { diagnostics } = parseConfig("bengal.yaml", "site:\n  title: [a\n");
    expect(diagnostics[0]!.code).toBe("config.invalid-yaml");
    expect(diagnostics[0]!.range.start.line).toBeGreaterThanOrEqual(1);
  });

  test("empty values mean defaults; a non-map is a type error", () => {
    expect(parseConfig("bengal.yaml", "site:\n  baseurl:\n").diagnostics).toEqual([]);
    expect(parseConfig("bengal.yaml", "").config).toEqual(DEFAULT_CONFIG);
    expect(parseConfig("bengal.yaml", "- a\n- b\n").diagnostics[0]!.code).toBe("config.invalid-type");
  });
});

test("an unsupported extension is an error", () => {
  expect(parseConfig("bengal.json", "{}").diagnostics[0]!.code).toBe("config.unreadable");
});

test("normalizeBaseurl", () => {
  expect(normalizeBaseurl("https://example.com/")).toBe("https://example.com");
  expect(normalizeBaseurl("https://example.com/docs//")).toBe("https://example.com/docs");
  expect(normalizeBaseurl("/docs/")).toBe("/docs");
  expect(normalizeBaseurl("docs")).toBe("/docs");
  expect(normalizeBaseurl("/")).toBe("");
  expect(normalizeBaseurl("")).toBe("");
  expect(normalizeBaseurl("//cdn.example.com/")).toBe("//cdn.example.com");
});
