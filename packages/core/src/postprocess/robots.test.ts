import { describe, expect, test } from "bun:test";
import { testConfig, testIndex } from "./fixture-index.ts";
import { renderRobots } from "./robots.ts";

describe("renderRobots", () => {
  test("names the sitemap when one is generated", () => {
    const text = renderRobots(testIndex(testConfig(), []));
    expect(text.split("\n")).toEqual([
      "User-agent: *",
      "Allow: /",
      "",
      "Sitemap: https://example.com/sitemap.xml",
      "",
    ]);
  });

  test("has no Sitemap line without an absolute baseurl", () => {
    const text = renderRobots(testIndex(testConfig({ baseurl: "/docs" }), []));
    expect(text).toBe("User-agent: *\nAllow: /\n");
  });

  test("has no Sitemap line when the sitemap is off", () => {
    const text = renderRobots(testIndex(testConfig({}, { generate_sitemap: false }), []));
    expect(text).not.toContain("Sitemap:");
    expect(text.startsWith("User-agent: *\n")).toBe(true);
  });
});
