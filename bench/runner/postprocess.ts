import { processAssets } from "../../packages/core/src/assets/pipeline.ts";
import { collectPages } from "../../packages/core/src/build/collect-pages.ts";
import { resolveConfig } from "../../packages/core/src/build/config-stage.ts";
import { siteFileSet } from "../../packages/core/src/build/file-set.ts";
import {
  type PostprocessInput,
  type PostprocessTask,
  postprocess,
  postprocessInputOf,
  postprocessTasks,
  type TaskResult,
} from "../../packages/core/src/build/postprocess-stage.ts";
import { groupTargets, renderPages } from "../../packages/core/src/build/render-stage.ts";
import { assetInput, themeDirsOf } from "../../packages/core/src/build/site-inputs.ts";
import { readContentCached } from "../../packages/core/src/cache/doc-cache.ts";
import { buildSiteIndex } from "../../packages/core/src/content/index-builder.ts";
import { discoverSite } from "../../packages/core/src/discover/discover-site.ts";
import { createBunHost } from "../../packages/core/src/host/bun-host.ts";
import type { OutputFile } from "../../packages/core/src/model/output.ts";

/**
 * Everything `build()` hands to post-processing, made the same way (config, discover, parse,
 * index, assets, render; no cache), so the tasks can be timed on their own.
 */
export async function postprocessInput(root: string): Promise<PostprocessInput> {
  const host = createBunHost();
  const { config } = await resolveConfig(host, root, { root });
  const { files } = await discoverSite(host, root, config);
  const { docs } = await readContentCached(host, root, files.content, config, null);
  const { index } = buildSiteIndex(docs, config, { drafts: config.build.drafts });
  const assets = await processAssets(assetInput(host, root, config, files, index));
  const exists = siteFileSet(files);
  const rendering = await renderPages({
    host,
    snapshot: {
      root,
      config,
      index,
      themeDirs: await themeDirsOf(host, root, config.theme),
      assetManifest: assets.manifest,
      files: exists.paths,
      buildDate: 0,
      generator: "Bengal bench",
      cachePath: null,
    },
    groups: groupTargets(index.targets),
    parallel: config.build.parallel,
    maxWorkers: config.build.max_workers,
  });
  const pages = collectPages(rendering.results, [], (id) => index.pages.get(id)?.sourcePath ?? null);
  return postprocessInputOf(index, pages, exists, assets);
}

export interface SequentialRun {
  readonly ms: number;
  /** Each task's own time, in task order. */
  readonly tasks: ReadonlyMap<string, number>;
  readonly result: TaskResult;
}

/**
 * The same tasks one after another (link validation, which reads the others' files, gets
 * them once they are all done): the baseline `postprocess()` is compared with.
 */
export async function runSequentially(tasks: readonly PostprocessTask[]): Promise<SequentialRun> {
  const times = new Map<string, number>();
  const generated: OutputFile[] = [];
  const outputs: OutputFile[] = [];
  const diagnostics: TaskResult["diagnostics"][number][] = [];
  const ordered = [...tasks.filter((t) => !t.readsOutputs), ...tasks.filter((t) => t.readsOutputs)];
  const t0 = performance.now();
  for (const task of ordered) {
    const start = performance.now();
    const result = await task.run({ generated: Promise.resolve(generated) });
    times.set(task.name, performance.now() - start);
    if (!task.readsOutputs) generated.push(...result.outputs);
    outputs.push(...result.outputs);
    diagnostics.push(...result.diagnostics);
  }
  return { ms: performance.now() - t0, tasks: times, result: { outputs, diagnostics } };
}

/** `postprocess()` as the build calls it: every task started at once, settled together. */
export async function runConcurrently(input: PostprocessInput): Promise<{ ms: number; result: TaskResult }> {
  const t0 = performance.now();
  const result = await postprocess(input, postprocessTasks(input));
  return { ms: performance.now() - t0, result };
}
