import { diagnostic } from "../diagnostics/create.ts";
import { checkLinks } from "../links/check.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { OutputFile } from "../model/output.ts";
import type { LinkRef, RenderedMarkdown } from "../model/render.ts";
import type { SiteIndex } from "../model/site.ts";
import { renderAliasPage, renderRobots, renderRss, renderSitemap } from "../postprocess/index.ts";

export interface PostprocessInput {
  readonly index: SiteIndex;
  readonly rendered: ReadonlyMap<string, RenderedMarkdown>;
  readonly links: ReadonlyArray<{ sourcePath: string; links: LinkRef[] }>;
  readonly anchors: ReadonlyMap<string, ReadonlySet<string>>;
  readonly files: { exists(sitePath: string): boolean };
}

interface TaskResult {
  readonly outputs: OutputFile[];
  readonly diagnostics: Diagnostic[];
}

/**
 * Sitemap, feed, robots.txt, alias redirects and link validation are independent: they run
 * concurrently and one failing task never stops the others; a failure becomes a diagnostic.
 */
export async function postprocess(input: PostprocessInput): Promise<TaskResult> {
  const { index } = input;
  const build = index.config.build;
  const tasks: Array<[string, () => TaskResult]> = [];
  if (build.generate_sitemap) {
    tasks.push([
      "sitemap",
      () => ({ outputs: [{ path: "sitemap.xml", content: renderSitemap(index) }], diagnostics: [] }),
    ]);
  }
  if (build.generate_rss) {
    tasks.push([
      "rss",
      () => ({
        outputs: [{ path: "rss.xml", content: renderRss(index, summaries(input)) }],
        diagnostics: [],
      }),
    ]);
  }
  tasks.push([
    "robots",
    () => ({ outputs: [{ path: "robots.txt", content: renderRobots(index) }], diagnostics: [] }),
  ]);
  tasks.push(["aliases", () => ({ outputs: aliasPages(index), diagnostics: [] })]);
  if (build.validate_links) {
    tasks.push([
      "links",
      () => ({
        outputs: [],
        diagnostics: checkLinks({
          index,
          pages: [...input.links],
          anchors: input.anchors,
          files: input.files,
        }),
      }),
    ]);
  }

  const settled = await Promise.allSettled(tasks.map(async ([, run]) => run()));
  const outputs: OutputFile[] = [];
  const diagnostics: Diagnostic[] = [];
  settled.forEach((result, i) => {
    if (result.status === "fulfilled") {
      outputs.push(...result.value.outputs);
      diagnostics.push(...result.value.diagnostics);
    } else {
      const name = tasks[i]![0];
      diagnostics.push(
        diagnostic("postprocess.failed", {
          file: index.config.build.output_dir,
          message: `${name} failed: ${(result.reason as Error)?.message ?? String(result.reason)}`,
        }),
      );
    }
  });
  return { outputs, diagnostics };
}

function summaries(input: PostprocessInput): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, r] of input.rendered) out.set(id, r.summaryHtml);
  return out;
}

function aliasPages(index: SiteIndex): OutputFile[] {
  return index.aliases.map((alias) => {
    const target = index.pages.get(alias.targetId);
    return { path: alias.outputPath, content: renderAliasPage(target?.permalink ?? alias.url) };
  });
}
