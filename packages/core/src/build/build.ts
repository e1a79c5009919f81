import { keptJobMemo } from "../assets/job-memo.ts";
import { invalidateKeyValues, readKeyValues, recordBuildKeyValues } from "../cache/key-values.ts";
import { openLinkCache } from "../cache/link-cache.ts";
import { keepMirror, mirrored } from "../cache/mirror.ts";
import { openBuildCache } from "../cache/open.ts";
import { inputPaths, quickUnchanged, recordQuick, restatInputs, statInputs } from "../cache/quick-check.ts";
import { forgetRemoved, loadRenderRows, renderRowsKept, storeResults } from "../cache/render-cache.ts";
import { readStoredLinkFacts, storedHtmlFacts } from "../cache/stored-link-facts.ts";
import { inputsFingerprint, recordUnchanged, unchangedSince } from "../cache/unchanged.ts";
import { type IndexBasis, keepEqualPages, patchIndex } from "../content/index-reuse.ts";
import { diagnostic } from "../diagnostics/create.ts";
import { discoverSite } from "../discover/discover-site.ts";
import { createBunHost } from "../host/bun-host.ts";
import { join, normalize } from "../host/path.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { BuildResult } from "../model/output.ts";
import type { SiteIndex } from "../model/site.ts";
import type { PageGroupResult } from "../render/page-render.ts";
import type { RenderSnapshot } from "../render/snapshot.ts";
import { VERSION } from "../version.ts";
import { contentHash } from "../write/hash.ts";
import { openOutputWriter } from "../write/writer.ts";
import { collectPages } from "./collect-pages.ts";
import { resolveConfig } from "./config-stage.ts";
import { siteFileSet } from "./file-set.ts";
import { finishUnchanged, quickRecord, sealCache } from "./no-change.ts";
import type { BuildOptions } from "./options.ts";
import { batcher, pageOutputs, withoutHtml, writtenOutputs } from "./page-outputs.ts";
import { buildResult } from "./result.ts";
import { absolute, assetInput, newestDate, themeDirsOf } from "./site-inputs.ts";
import { createStageTimer } from "./timer.ts";
import { changedContent, type KeptInputs, knownChanges } from "./watched-inputs.ts";

/**
 * config → discover → parse → index → assets → (nothing changed? done) → plan → render (pages
 * written as they come) → postprocess → write → record the cache.
 * Stages return data plus diagnostics; only an unusable config stops the build (BuildError).
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const host = options.host ?? createBunHost();
  const root = absolute(options.root);
  const timer = createStageTimer(options.onProgress);
  const diagnostics: Diagnostic[] = [];
  const collect = <T extends { diagnostics: readonly Diagnostic[] }>(r: T): T => {
    diagnostics.push(...r.diagnostics);
    return r;
  };

  const { config } = collect(await timer.stage("config", () => resolveConfig(host, root, options)));
  const outputDir = config.build.output_dir.startsWith("/")
    ? normalize(config.build.output_dir)
    : join(root, config.build.output_dir);

  const useCache = options.cache ?? options.host === undefined;
  const cacheFile = `.bengal/${options.profile === "serve" ? "serve-cache.db" : "cache.db"}`;
  const cache = useCache ? openBuildCache(join(root, cacheFile), config, options.full ?? false) : null;
  // The dev server's watcher says which known files changed: the last build's file list and
  // stats stand for every other file (its own outputs folder is never an input).
  const keepInputs = options.profile === "serve" && cache !== null && !options.checkExternal;
  const lastInputs = keepInputs ? mirrored<KeptInputs>(cache.path, "inputs", cache.generation) : null;
  const watched = lastInputs && lastInputs.outputDir === outputDir ? knownChanges(options.changes) : null;
  const discovered = await timer.stage("discover", () =>
    watched && lastInputs ? lastInputs.discovered : discoverSite(host, root, config),
  );
  const { files } = collect(discovered);
  if (cache?.recovered) {
    diagnostics.push(
      diagnostic("cache.unreadable", {
        file: cacheFile,
        message: `the build cache could not be read (${cache.recovered}); it was rebuilt from scratch`,
      }),
    );
  }
  const afterDiscover = diagnostics.length;
  const manifestPath = join(root, ".bengal", `outputs-${contentHash(outputDir).slice(0, 8)}.json`);
  const checked =
    cache && !options.checkExternal
      ? await timer.stage("check", async () => {
          const stats =
            watched && lastInputs
              ? await restatInputs(host, lastInputs.stats, watched)
              : await statInputs(host, inputPaths(root, files), outputDir);
          if (keepInputs) {
            keepMirror(cache.path, "inputs", {
              discovered,
              stats,
              outputDir,
            } satisfies KeptInputs);
          }
          return { stats, quick: await quickUnchanged(cache, stats.stamp, host, outputDir, manifestPath) };
        })
      : null;
  const inputStats = checked?.stats ?? null;
  const quick = checked?.quick ?? null;
  if (cache && quick) {
    diagnostics.push(...quick.diagnostics);
    return finishUnchanged(cache, quick, diagnostics, config, outputDir, timer.timings);
  }

  // Loaded only past the no-change check: a rebuild with nothing to do never pays for them.
  const [
    { processAssets },
    { processAssetsCached },
    { readContentCached },
    { buildSiteIndex },
    { layoutIdentities },
    { planIncremental },
    { postprocess, postprocessInputOf },
    { groupTargets, renderPages },
  ] = await Promise.all([
    import("../assets/pipeline.ts"),
    import("../cache/asset-cache.ts"),
    import("../cache/doc-cache.ts"),
    import("../content/index-builder.ts"),
    import("../render/layouts/identities.ts"),
    import("./plan-stage.ts"),
    import("./postprocess-stage.ts"),
    import("./render-stage.ts"),
  ]);
  const read = collect(
    await timer.stage("parse", () =>
      readContentCached(
        host,
        root,
        files.content,
        config,
        cache?.db ?? null,
        inputStats?.stats,
        cache
          ? {
              path: cache.path,
              generation: cache.generation,
              keep: options.profile === "serve",
              ...(watched ? { changed: changedContent(root, watched) } : {}),
            }
          : undefined,
      ),
    ),
  );
  const docs = read.docs;
  // The dev server keeps its last index: an edit to bodies alone patches it instead of a rebuild.
  const keepIndex = options.profile === "serve" && cache !== null;
  const basis = keepIndex ? mirrored<IndexBasis>(cache.path, "index", cache.generation) : null;
  const { index, replaced } = collect(
    await timer.stage("index", () => {
      const built =
        (basis && patchIndex(basis, docs, config, cache!.key.config)) ??
        reusing(basis, {
          ...buildSiteIndex(docs, config, { drafts: config.build.drafts }),
          replaced: undefined,
        });
      if (keepIndex) {
        keepMirror(cache.path, "index", {
          docs: new Map(docs.map((d) => [d.path, d])),
          index: built.index,
          diagnostics: built.diagnostics,
          settings: cache.key.config,
        } satisfies IndexBasis);
      }
      return built;
    }),
  );

  // Assets go first: layouts need their final (fingerprinted) URLs.
  const assets = collect(
    await timer.stage("assets", () =>
      processAssetsCached(
        {
          ...assetInput(host, root, config, files, index),
          ...(options.profile === "serve" && cache && inputStats
            ? { memo: keptJobMemo(cache.path, inputStats.stats) }
            : {}),
        },
        outputDir,
        cache?.db ?? null,
        processAssets,
      ),
    ),
  );
  const { exists, themeDirs, layouts } = await timer.stage("layouts", async () => {
    const themeDirs = await themeDirsOf(host, root, config.theme);
    return { exists: siteFileSet(files), themeDirs, layouts: await layoutIdentities(host, root, themeDirs) };
  });
  const snapshot: RenderSnapshot = {
    root,
    config,
    index,
    themeDirs,
    assetManifest: assets.manifest,
    files: exists.paths,
    buildDate: newestDate(index).getTime(),
    generator: `Bengal ${VERSION}`,
    cachePath: cache?.path ?? null,
  };

  const inputs = inputsFingerprint([read.fingerprint, assets.key, [...layouts], exists.paths, themeDirs]);
  const unchanged =
    cache && !options.checkExternal
      ? await timer.stage("unchanged", () => unchangedSince(cache, inputs, host, outputDir, manifestPath))
      : null;
  if (cache && unchanged) {
    diagnostics.push(...unchanged.diagnostics);
    const record = quickRecord(
      inputStats?.stamp ?? "",
      index.targets.length,
      assets.manifest,
      diagnostics.slice(afterDiscover),
    );
    if (inputStats) recordQuick(cache, record);
    return finishUnchanged(cache, record, diagnostics, config, outputDir, timer.timings);
  }
  const tail = diagnostics.length;

  const warm =
    options.profile === "serve" && cache !== null && renderRowsKept(cache.path, cache.generation) !== null;
  const rows = cache
    ? await timer.stage("load", () =>
        loadRenderRows(cache.db, {
          path: cache.path,
          generation: cache.generation,
          empty: cache.mode === "full",
          // Only a long-lived process gains from keeping them; a CLI build would just hold memory.
          keep: options.profile === "serve",
        }),
      )
    : null;
  const allGroups = groupTargets(index.targets);
  // `bengal build` plans from the keys that moved; the dev server indexes its rows in memory.
  const known =
    cache?.mode === "incremental" && options.profile !== "serve" ? readKeyValues(cache.db, read.shape) : null;
  const plan =
    cache?.mode === "incremental"
      ? await timer.stage("plan", () =>
          planIncremental(
            host,
            warm ? null : outputDir,
            rows!,
            allGroups,
            {
              index,
              assetValue: (rel) => (rel in assets.manifest ? assets.urlFor(rel) : "-"),
              layoutValue: (name) => layouts.get(name) ?? "-",
              fileExists: (p) => exists.exists(p),
            },
            warm ? replaced : undefined,
            known,
          ),
        )
      : { render: allGroups, reused: [], reasons: new Map<string, number>(), moved: null, value: null };
  if (cache) invalidateKeyValues(cache.db);

  // One record per output folder: building elsewhere (`--output`) never confuses the two.
  const writer = await openOutputWriter({ host, outputDir, manifestPath });
  const storing = batcher<PageGroupResult>(
    100,
    (batch) => cache && rows && storeResults(cache.db, batch, rows),
  );
  const rendering = collect(
    await timer.stage("render", () =>
      renderPages({
        host,
        snapshot,
        groups: plan.render,
        parallel: config.build.parallel,
        maxWorkers: config.build.max_workers,
        // Page workers write their files themselves, unless the build has a host of its own, and
        // store their cache rows unless this process keeps the tables in memory (the dev server).
        ...(options.host ? {} : { output: { dir: outputDir, manifestPath } }),
        ...(!options.host && cache && rows && rows.keys === null
          ? { store: { cachePath: cache.path, keepBody: config.feeds.full_content } }
          : {}),
        // The plan's cached facts are the cache's rows.
        factsInCache: cache !== null,
        onResult: async (result) => {
          await writer.write(pageOutputs(result));
          writer.record(writtenOutputs(result));
          // Recorded once its files are on disk: a crash before this renders the page again next time.
          if (cache && !result.stored) storing.add(result);
          return withoutHtml(result, config.feeds.full_content);
        },
        ...(options.onItem
          ? { onItem: (done: number, total: number) => options.onItem?.("render", done, total) }
          : {}),
      }),
    ),
  );
  storing.flush();
  const pages = collectPages(
    rendering.results,
    plan.reused,
    (id) => index.pages.get(id)?.sourcePath ?? null,
    cache ? (path) => storedHtmlFacts(cache.path, path) : undefined,
  );
  diagnostics.push(...pages.diagnostics);

  const post = collect(
    await timer.stage("postprocess", () => {
      return postprocess({
        ...postprocessInputOf(index, pages, exists, assets),
        renderedOutputs: pages.written,
        ...(cache
          ? {
              prefetchLinkFacts: (due: number) =>
                readStoredLinkFacts(rendering.results, cache.db, pages.htmlFacts, due),
            }
          : {}),
        ...(cache
          ? { linkStore: openLinkCache(cache.db, { ...cache, keep: options.profile === "serve" }) }
          : {}),
        ...(options.checkExternal
          ? { external: { host, cachePath: join(root, ".bengal", "external-links.json") } }
          : {}),
      });
    }),
  );

  const summary = await timer.stage("write", async () => {
    await writer.write([...assets.files, ...post.outputs]);
    const assetsKept = new Set(assets.kept);
    return writer.finish({ has: (path) => pages.kept.has(path) || assetsKept.has(path) });
  });
  if (cache)
    await timer.stage("record", () => {
      // Recorded only after the outputs are on disk: a crash before this re-renders next time.
      // An index carried over (bodies swapped) has the same pages and outputs as the last build.
      if (!(warm && replaced)) forgetRemoved(cache.db, rows!, index.pages, index.targets);
      if (options.profile !== "serve")
        recordBuildKeyValues(cache.db, read.shape, known?.values ?? null, plan, rows!, rendering.results);
      recordUnchanged(cache, { inputs, diagnostics: diagnostics.slice(tail) });
      if (inputStats) {
        const after = diagnostics.slice(afterDiscover);
        recordQuick(cache, quickRecord(inputStats.stamp, index.targets.length, assets.manifest, after));
      }
      sealCache(cache);
      cache.db.close();
    });

  return buildResult(
    {
      pages: index.targets.length,
      assets: Object.keys(assets.manifest).length,
      written: summary.written,
      unchanged: summary.unchanged,
      removed: summary.removed,
      changedPaths: summary.changedPaths,
      outputDir,
      timings: timer.timings,
      workers: { pages: rendering.workers, assets: assets.workers },
      cache: {
        mode: cache?.mode ?? "off",
        reason: cache?.reason ?? null,
        rendered: rendering.results.reduce((n, g) => n + g.targets.length, 0),
        changed: read.changed,
        reasons: Object.fromEntries([...plan.reasons].sort(([a], [b]) => (a < b ? -1 : 1))),
      },
    },
    diagnostics,
    config,
  );
}

/** A rebuilt index keeps the previous index's equal pages (the dev server's front-matter edits). */
function reusing<T extends { index: SiteIndex }>(basis: IndexBasis | null, built: T): T {
  return basis ? { ...built, index: keepEqualPages(basis.index, built.index) } : built;
}
