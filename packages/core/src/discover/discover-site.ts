import { diagnostic } from "../diagnostics/create.ts";
import type { Host } from "../host/host.ts";
import { join } from "../host/path.ts";
import type { SiteConfig } from "../model/config.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { builtinThemeDir } from "./theme-dir.ts";
import type { AssetFile, SiteFiles, StaticFile } from "./types.ts";
import { walkFiles } from "./walk.ts";

const MARKDOWN = /\.(md|markdown)$/i;
const LAYOUT = /\.(tsx|jsx|ts)$/;
const NOT_LAYOUT = /\.(d|test|spec)\.(tsx|jsx|ts)$/;
const SECTION_INDEX = new Set(["_index.md", "_index.markdown"]);

/** `_drafts/`, `_notes.md` are private to the author; `_index.md` is the section page. */
function keepContent(name: string): boolean {
  return !name.startsWith("_") || SECTION_INDEX.has(name);
}

export interface DiscoverResult {
  readonly files: SiteFiles;
  readonly diagnostics: Diagnostic[];
}

/** Lists every input of the site under `root` (absolute). Reads no file contents. */
export async function discoverSite(host: Host, root: string, config: SiteConfig): Promise<DiscoverResult> {
  const diagnostics: Diagnostic[] = [];
  const outputDir = join(config.build.output_dir.startsWith("/") ? "" : root, config.build.output_dir);
  const skipDirs = new Set([outputDir]);

  const themeDir = await resolveThemeDir(host, root, config.theme, diagnostics);

  const contentFiles = await walkFiles(host, join(root, "content"), { skipDirs, keep: keepContent });
  const content: string[] = [];
  const resources: string[] = [];
  for (const rel of contentFiles) (MARKDOWN.test(rel) ? content : resources).push(`content/${rel}`);

  const layouts = async (dir: string): Promise<string[]> =>
    (await walkFiles(host, dir, { skipDirs })).filter((f) => LAYOUT.test(f) && !NOT_LAYOUT.test(f));

  const files: SiteFiles = {
    content,
    resources,
    assets: overlay(
      await walkFiles(host, join(themeDir, "assets"), { skipDirs }),
      await walkFiles(host, join(root, "assets"), { skipDirs }),
      join(themeDir, "assets"),
      join(root, "assets"),
    ),
    static: overlay(
      await walkFiles(host, join(themeDir, "static"), { skipDirs }),
      await walkFiles(host, join(root, "static"), { skipDirs }),
      join(themeDir, "static"),
      join(root, "static"),
    ).map(({ rel, source }): StaticFile => ({ rel, source })),
    templates: await layouts(join(root, "templates")),
    themeDir,
    themeTemplates: await layouts(join(themeDir, "templates")),
  };
  return { files, diagnostics };
}

async function resolveThemeDir(
  host: Host,
  root: string,
  theme: string,
  diagnostics: Diagnostic[],
): Promise<string> {
  const siteTheme = join(root, "themes", theme);
  if (theme !== "" && (await host.stat(siteTheme))?.kind === "dir") return siteTheme;
  if (theme !== "default") {
    diagnostics.push(
      diagnostic("theme.not-found", {
        file: `themes/${theme}`,
        message: `Theme "${theme}" not found in themes/; the built-in theme is used`,
      }),
    );
  }
  return builtinThemeDir();
}

/** Theme files first, then site files; a site file hides the theme file with the same path. */
function overlay(theme: string[], site: string[], themeDir: string, siteDir: string): AssetFile[] {
  const own = new Set(site);
  return [
    ...theme
      .filter((rel) => !own.has(rel))
      .map((rel): AssetFile => ({ rel, source: join(themeDir, rel), origin: "theme" })),
    ...site.map((rel): AssetFile => ({ rel, source: join(siteDir, rel), origin: "site" })),
  ];
}
