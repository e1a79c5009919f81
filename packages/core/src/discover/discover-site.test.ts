import { describe, expect, test } from "bun:test";
import { DEFAULT_CONFIG } from "../config/defaults.ts";
import { createMemoryHost } from "../host/memory-host.ts";
import type { SiteConfig } from "../model/config.ts";
import { discoverSite } from "./discover-site.ts";
import { builtinThemeDir } from "./theme-dir.ts";

const withTheme = (theme: string): SiteConfig => ({ ...DEFAULT_CONFIG, theme });

describe("discoverSite", () => {
  const site = {
    "/s/content/_index.md": "",
    "/s/content/about.md": "",
    "/s/content/blog/_index.markdown": "",
    "/s/content/blog/trip/index.md": "",
    "/s/content/blog/trip/photo.jpg": "",
    "/s/content/blog/_drafts/secret.md": "",
    "/s/content/_notes.md": "",
    "/s/content/.hidden.md": "",
    "/s/content/z.markdown": "",
    "/s/assets/css/style.css": "site",
    "/s/assets/js/app.js": "",
    "/s/static/robots.txt": "",
    "/s/templates/page.tsx": "",
    "/s/templates/partials/nav.tsx": "",
    "/s/templates/types.d.ts": "",
    "/s/templates/readme.md": "",
    "/s/themes/mine/assets/css/style.css": "theme",
    "/s/themes/mine/assets/css/theme.css": "",
    "/s/themes/mine/static/favicon.ico": "",
    "/s/themes/mine/static/robots.txt": "",
    "/s/themes/mine/templates/base.tsx": "",
    "/s/public/index.html": "",
    "/s/node_modules/x/index.md": "",
  };

  test("content pages and resources, sorted, skipping private names", async () => {
    const { files, diagnostics } = await discoverSite(createMemoryHost(site), "/s", withTheme("mine"));
    expect(diagnostics).toEqual([]);
    expect(files.content).toEqual([
      "content/_index.md",
      "content/about.md",
      "content/blog/_index.markdown",
      "content/blog/trip/index.md",
      "content/z.markdown",
    ]);
    expect(files.resources).toEqual(["content/blog/trip/photo.jpg"]);
  });

  test("site assets and static files override the theme's", async () => {
    const { files } = await discoverSite(createMemoryHost(site), "/s", withTheme("mine"));
    expect(files.themeDir).toBe("/s/themes/mine");
    expect(files.assets).toEqual([
      { rel: "css/theme.css", source: "/s/themes/mine/assets/css/theme.css", origin: "theme" },
      { rel: "css/style.css", source: "/s/assets/css/style.css", origin: "site" },
      { rel: "js/app.js", source: "/s/assets/js/app.js", origin: "site" },
    ]);
    expect(files.static).toEqual([
      { rel: "favicon.ico", source: "/s/themes/mine/static/favicon.ico" },
      { rel: "robots.txt", source: "/s/static/robots.txt" },
    ]);
  });

  test("layouts of the site and of the theme", async () => {
    const { files } = await discoverSite(createMemoryHost(site), "/s", withTheme("mine"));
    expect(files.templates).toEqual(["page.tsx", "partials/nav.tsx"]);
    expect(files.themeTemplates).toEqual(["base.tsx"]);
  });

  test("the built-in theme is used by default, and for a missing theme with a warning", async () => {
    const builtin = builtinThemeDir();
    const host = createMemoryHost({ ...site, [`${builtin}/assets/css/base.css`]: "" });
    const byDefault = await discoverSite(host, "/s", DEFAULT_CONFIG);
    expect(byDefault.diagnostics).toEqual([]);
    expect(byDefault.files.themeDir).toBe(builtin);
    expect(byDefault.files.assets[0]).toEqual({
      rel: "css/base.css",
      source: `${builtin}/assets/css/base.css`,
      origin: "theme",
    });

    const missing = await discoverSite(host, "/s", withTheme("gone"));
    expect(missing.files.themeDir).toBe(builtin);
    expect(missing.diagnostics.map((d) => [d.code, d.severity, d.file])).toEqual([
      ["theme.not-found", "warning", "themes/gone"],
    ]);
  });

  test("an output folder inside content/ is not read back", async () => {
    const config = { ...DEFAULT_CONFIG, build: { ...DEFAULT_CONFIG.build, output_dir: "content/out" } };
    const host = createMemoryHost({
      "/s/content/a.md": "",
      "/s/content/out/a/index.html": "",
      "/s/content/out/b.md": "",
    });
    expect((await discoverSite(host, "/s", config)).files.content).toEqual(["content/a.md"]);
  });

  test("builtinThemeDir points at packages/core/theme", () => {
    expect(builtinThemeDir()).toMatch(/\/packages\/core\/theme$/);
  });
});
