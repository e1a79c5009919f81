import { diagnostic } from "../diagnostics/create.ts";
import { checkLinks } from "../links/check.ts";
import { checkExternalUrls, type ExternalCheckOptions, externalDiagnostics } from "../links/external.ts";
import { checkHtmlLinks } from "../links/html-check.ts";
import type { HtmlFacts } from "../links/html-links.ts";
import { checkLinksIncrementally, type LinkMemory, type LinkStore } from "../links/incremental-check.ts";
import type { LinkPrints } from "../links/link-prints.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { OutputFile } from "../model/output.ts";
import type { LinkRef, RenderedMarkdown } from "../model/render.ts";
import type { SiteIndex } from "../model/site.ts";
import { renderAliasPage, renderFeeds, renderRobots, renderSitemaps } from "../postprocess/index.ts";
import type { CollectedPages } from "./collect-pages.ts";

export interface PostprocessInput {
  readonly index: SiteIndex;
  readonly rendered: ReadonlyMap<string, RenderedMarkdown>;
  readonly links: ReadonlyArray<{ sourcePath: string; links: LinkRef[] }>;
  readonly anchors: ReadonlyMap<string, ReadonlySet<string>>;
  readonly files: { exists(sitePath: string): boolean };
  /**
   * The rendered pages and asset files: link validation reads this final HTML (layouts
   * included). Without it links are checked at the markdown level only.
   */
  readonly outputs?: readonly OutputFile[];
  /** Outputs kept from the previous build because their page failed to render this time. */
  readonly kept?: ReadonlySet<string>;
  /** Links and ids of page outputs (rendered now or reused from the cache). */
  readonly htmlFacts?: ReadonlyMap<string, HtmlFacts>;
  /** The link check's prints of the page outputs rendered now. */
  readonly prints?: ReadonlyMap<string, LinkPrints>;
  /** Told how many outputs the link check is about to check (see `IncrementalCheckOptions`). */
  readonly prefetchLinkFacts?: (due: number) => void;
  /**
   * The link check's memory from the previous build (the build cache): only outputs whose links
   * or link targets changed are checked again. Needs `renderedOutputs`.
   */
  readonly linkStore?: LinkStore;
  /** Page outputs rendered this build (the others were reused with their recorded facts). */
  readonly renderedOutputs?: ReadonlySet<string>;
  /** Given with `--check-external`: http(s) links are requested too. */
  readonly external?: ExternalCheckOptions;
  /** URLs per sitemap file before `sitemap.xml` becomes an index (sitemaps.org: 50,000). */
  readonly sitemapMaxUrls?: number;
}

export interface TaskResult {
  readonly outputs: OutputFile[];
  readonly diagnostics: Diagnostic[];
}

export interface TaskContext {
  /** What every task not marked `readsOutputs` wrote, once they have all settled. */
  readonly generated: Promise<readonly OutputFile[]>;
}

/** One independent post-processing job; a throw (or an unwritable output) fails it alone, by name. */
export interface PostprocessTask {
  readonly name: string;
  /** Waits for the other tasks' files (link validation must see the sitemap, feeds and redirects). */
  readonly readsOutputs?: boolean;
  run(context: TaskContext): Promise<TaskResult> | TaskResult;
}

/** The input every build gives post-processing from its pages and assets (the cache adds to it). */
export function postprocessInputOf(
  index: SiteIndex,
  pages: CollectedPages,
  files: { exists(sitePath: string): boolean },
  assets: { readonly files: readonly OutputFile[]; readonly kept?: readonly string[] },
): PostprocessInput {
  return {
    index,
    rendered: pages.rendered,
    links: pages.links,
    anchors: pages.anchors,
    files,
    outputs: assets.files,
    kept: new Set([...pages.written, ...pages.kept, ...(assets.kept ?? [])]),
    htmlFacts: pages.htmlFacts,
    prints: pages.prints,
  };
}

/** The tasks the site's config enables; disabled ones are not in the list at all. */
export function postprocessTasks(input: PostprocessInput): PostprocessTask[] {
  const { index } = input;
  const build = index.config.build;
  const tasks: PostprocessTask[] = [];
  const files = (outputs: OutputFile[]): TaskResult => ({ outputs, diagnostics: [] });
  if (build.generate_sitemap) {
    tasks.push({ name: "sitemap", run: () => files(renderSitemaps(index, input.sitemapMaxUrls)) });
  }
  if (build.generate_rss) tasks.push({ name: "feeds", run: () => files(renderFeeds(index, input.rendered)) });
  tasks.push({ name: "robots", run: () => files([{ path: "robots.txt", content: renderRobots(index) }]) });
  tasks.push({ name: "aliases", run: () => files(aliasPages(index)) });
  if (build.validate_links)
    tasks.push({ name: "links", readsOutputs: true, run: (ctx) => validateLinks(input, ctx) });
  return tasks;
}

/**
 * Sitemap, feeds, robots.txt, alias redirects and link validation run concurrently; one
 * failing task never stops the others: its failure becomes a diagnostic naming it.
 */
export async function postprocess(
  input: PostprocessInput,
  tasks: readonly PostprocessTask[] = postprocessTasks(input),
): Promise<TaskResult> {
  const taken = new Set((input.outputs ?? []).map((o) => o.path));
  let release: (files: readonly OutputFile[]) => void = () => {};
  const context: TaskContext = { generated: new Promise((resolve) => (release = resolve)) };
  // `then` makes a synchronous throw a rejection of that task alone.
  const runs = tasks.map((task) => Promise.resolve().then(() => task.run(context)));
  void Promise.allSettled(runs.filter((_, i) => !tasks[i]!.readsOutputs)).then((all) =>
    release(all.flatMap((r) => (r.status === "fulfilled" ? r.value.outputs : []))),
  );
  const settled = await Promise.allSettled(runs);
  const outputs: OutputFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const failed = (name: string, message: string) =>
    diagnostics.push(
      diagnostic("postprocess.failed", {
        file: input.index.config.build.output_dir,
        message: `${name} failed: ${message}`,
      }),
    );
  settled.forEach((result, i) => {
    const name = tasks[i]!.name;
    if (result.status === "rejected") {
      failed(name, (result.reason as Error)?.message ?? String(result.reason));
      return;
    }
    diagnostics.push(...result.value.diagnostics);
    for (const file of result.value.outputs) {
      const problem = unwritable(file, taken);
      if (problem) failed(name, `cannot write ${file.path || "(no path)"}: ${problem}`);
      else {
        taken.add(file.path);
        outputs.push(file);
      }
    }
  });
  return { outputs, diagnostics };
}

/** Why the writer could not (or must not) write this file, or null. */
function unwritable(file: OutputFile, taken: ReadonlySet<string>): string | null {
  const content = file.content as unknown;
  if (typeof content !== "string" && !(content instanceof Uint8Array))
    return "its content is not text or bytes";
  const path = file.path;
  if (typeof path !== "string" || path === "" || path.startsWith("/") || path.includes("\\")) {
    return "the path must be relative to the output folder";
  }
  if (path.split("/").some((s) => s === "" || s === "." || s === ".."))
    return "the path leaves the output folder";
  if (taken.has(path)) return "another output already has this path";
  return null;
}

async function validateLinks(input: PostprocessInput, ctx: TaskContext): Promise<TaskResult> {
  const { index } = input;
  if (!input.outputs) {
    return {
      outputs: [],
      diagnostics: checkLinks({ index, pages: [...input.links], anchors: input.anchors, files: input.files }),
    };
  }
  const generated = await ctx.generated;
  const checkInput = {
    index,
    outputs: [...input.outputs, ...generated],
    markdown: input.links,
    anchors: input.anchors,
    files: input.files,
    ...(input.kept ? { kept: input.kept } : {}),
    ...(input.htmlFacts ? { htmlFacts: input.htmlFacts } : {}),
    ...(input.prints ? { prints: input.prints } : {}),
    collectExternal: input.external !== undefined,
  };
  const store = input.linkStore;
  let result: ReturnType<typeof checkHtmlLinks>;
  if (store && input.renderedOutputs) {
    // `--check-external` checks everything (it needs every external URL) and records it all.
    const rendered = input.renderedOutputs;
    const check = (memory: LinkMemory | null) =>
      checkLinksIncrementally(checkInput, {
        rendered,
        memory,
        hash: store.hash,
        collect: () => Bun.gc(false),
        ...(input.prefetchLinkFacts ? { prefetch: input.prefetchLinkFacts } : {}),
      });
    let checked: ReturnType<typeof check>;
    try {
      checked = check(input.external ? null : store.load());
    } catch {
      // Unreadable memory (a damaged row): check everything, and remember it afresh.
      checked = check(null);
    }
    store.save(checked.changes);
    result = checked;
  } else result = checkHtmlLinks(checkInput);
  const diagnostics = [...result.diagnostics];
  if (input.external && result.external.size > 0) {
    const statuses = await checkExternalUrls(result.external.keys(), input.external);
    diagnostics.push(...externalDiagnostics(result.external, statuses));
  }
  return { outputs: [], diagnostics };
}

function aliasPages(index: SiteIndex): OutputFile[] {
  return index.aliases.map((alias) => {
    const target = index.pages.get(alias.targetId);
    return { path: alias.outputPath, content: renderAliasPage(target?.permalink ?? alias.url) };
  });
}
