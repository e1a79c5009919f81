import { describe, expect, test } from "bun:test";
import { minifySvg, processSvg } from "./svg.ts";
import type { AssetJob } from "./types.ts";

const job = (minify: boolean): AssetJob => ({
  rel: "img/icon.svg",
  source: "/s/assets/img/icon.svg",
  file: "assets/img/icon.svg",
  kind: "svg",
  options: { minify, fingerprint: false, optimize: false },
});
const reader = (text: string) => async () => new TextEncoder().encode(text);

describe("minifySvg", () => {
  test("drops comments and whitespace between tags, keeps text layout and CDATA", () => {
    const svg = [
      '<?xml version="1.0"?>',
      "<!-- editor junk -->",
      '<svg xmlns="http://www.w3.org/2000/svg">',
      '  <g fill="red">',
      '    <path d="M0 0\n             L10 10"/>',
      "  </g>",
      "  <text><tspan>a</tspan> <tspan>b</tspan></text>",
      "  <style><![CDATA[ a > b { fill: blue } ]]></style>",
      '  <g xml:space="preserve"> <rect/> </g>',
      "</svg>",
      "",
    ].join("\n");
    expect(minifySvg(svg)).toBe(
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><g fill="red"><path d="M0 0\n             L10 10"/></g><text><tspan>a</tspan> <tspan>b</tspan></text><style><![CDATA[ a > b { fill: blue } ]]></style><g xml:space="preserve"> <rect/> </g></svg>',
    );
  });

  test("a malformed SVG is reported with its position", async () => {
    const result = await processSvg(job(true), reader("<svg>\n  <g>\n  <path d='x'>\n</g></svg>"));
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({ code: "asset.failed", file: "assets/img/icon.svg" });
    expect(result.diagnostics[0]!.range.start).toEqual({ line: 3, character: 0 });
  });

  test("without minify the text is kept as is", async () => {
    const svg = "<svg>\n  <!-- c -->\n</svg>\n";
    expect(await processSvg(job(false), reader(svg))).toEqual({ ok: true, content: svg, diagnostics: [] });
  });
});
