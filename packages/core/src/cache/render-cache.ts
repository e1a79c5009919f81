import type { Database } from "bun:sqlite";
import type { RenderGroup } from "../build/render-stage.ts";
import type { HtmlFacts } from "../links/html-links.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { RenderTarget } from "../model/site.ts";
import type { PageFacts, PageGroupResult, TargetOutput } from "../render/page-render.ts";
import type { Deps } from "../render/track/dep-value.ts";
import { KeyIndex } from "./key-index.ts";
import { lazyProperty, readRow, setRowSource } from "./lazy-row.ts";
import { dropMirror, keepMirror, mirrored } from "./mirror.ts";
import {
  decodeDiagnostics,
  decodeFacts as decodeFactsText,
  encodeDiagnostics,
  encodeFacts,
  encodeHtmlFacts,
} from "./row-codec.ts";
import { storedHtmlFacts } from "./stored-link-facts.ts";

interface FactsRow {
  page_id: string;
  deps: string;
  facts: string;
  /** How many diagnostics the facts hold: none (most pages) means nothing to decode for them. */
  issues: number;
}

interface TargetRow {
  output_path: string;
  page_id: string;
  deps: string;
  diagnostics: string;
  html_facts: string;
}

interface CachedFacts {
  readonly deps: Deps;
  /** The dependencies as stored (JSON), when read from the database. */
  readonly raw?: string;
  readonly facts: PageFacts;
}

interface CachedTarget {
  readonly pageId: string;
  readonly deps: Deps;
  readonly raw?: string;
  readonly diagnostics: Diagnostic[];
  readonly htmlFacts: HtmlFacts;
}

/** The cache's render tables, parsed. */
export interface RenderRows {
  readonly facts: Map<string, CachedFacts>;
  readonly targets: Map<string, CachedTarget>;
  /** Kept with tables that stay in memory: what depends on each key. */
  readonly keys: KeyIndex | null;
}

export function loadRenderRows(
  db: Database,
  options: { path: string; generation: string | null; empty: boolean; keep: boolean },
): RenderRows {
  setRowSource(options.path, db);
  // A long-lived process (the dev server) keeps the parsed tables between builds (`mirror.ts`).
  const kept = options.keep ? renderRowsKept(options.path, options.generation) : null;
  if (kept) return kept;
  const rows: RenderRows = {
    facts: new Map(),
    targets: new Map(),
    keys: options.keep ? new KeyIndex() : null,
  };
  if (!options.empty) {
    // The body HTML (most of the table's bytes) stays on disk until a page is rendered with
    // its cached markdown or a full-content feed shows it.
    // A process that keeps the tables decodes every page's facts now; others read them on demand.
    const sql = options.keep
      ? "SELECT page_id, deps, facts, issues FROM facts"
      : "SELECT page_id, deps, issues FROM facts";
    for (const row of db.query(sql).all() as FactsRow[]) {
      // The facts' dependencies are the row's, parsed once for both.
      const cached = withDeps(
        {} as { -readonly [K in keyof CachedFacts]: CachedFacts[K] },
        row.deps,
        options.keep,
      );
      cached.facts = options.keep
        ? decodeFacts(row, options.path, cached.deps)
        : lazyFacts(row, options.path, () => cached.deps);
      rows.facts.set(row.page_id, cached);
    }
    // Link facts too are read when a check needs them, not for every output up front.
    const targetRows = db.query("SELECT output_path, page_id, deps, diagnostics FROM targets").all();
    for (const row of targetRows as Omit<TargetRow, "html_facts">[]) {
      const target = withDeps(
        { pageId: row.page_id, diagnostics: decodeDiagnostics(row.diagnostics) } as CachedTarget,
        row.deps,
        options.keep,
      );
      lazyProperty(target, "htmlFacts", () => storedHtmlFacts(options.path, row.output_path));
      rows.targets.set(row.output_path, target);
    }
  }
  if (rows.keys) {
    for (const [id, row] of rows.facts) rows.keys.load("pages", id, row.deps);
    for (const [path, row] of rows.targets) rows.keys.load("targets", path, row.deps);
  }
  if (options.keep) keepMirror(options.path, "rows", rows);
  else dropMirror(options.path, "rows");
  return rows;
}

function decodeFacts(row: FactsRow, path: string, deps: Deps): PageFacts {
  const facts = decodeFactsText(row.facts, deps);
  lazyProperty(facts.rendered, "html", () =>
    String(readRow(path, "SELECT html FROM facts WHERE page_id = ?", row.page_id).html),
  );
  return facts;
}

/**
 * A page's cached facts, decoded on first use: a rebuild reads those of the pages it renders,
 * lists in feeds, or checks links against (about 90 ms for all 10,000 pages otherwise). Its
 * diagnostics are known to be none without decoding, so every build can report them all.
 */
function lazyFacts(row: FactsRow, path: string, deps: () => Deps): PageFacts {
  let decoded: PageFacts | null = null;
  const facts = () => {
    decoded ??= decodeFacts(
      {
        ...row,
        facts: String(readRow(path, "SELECT facts FROM facts WHERE page_id = ?", row.page_id).facts),
      },
      path,
      deps(),
    );
    return decoded;
  };
  return {
    get rendered() {
      return facts().rendered;
    },
    get links() {
      return facts().links;
    },
    get diagnostics() {
      return row.issues === 0 ? [] : facts().diagnostics;
    },
    get deps() {
      return deps();
    },
  };
}

/**
 * A row's dependencies, parsed when first read: a planner that knows which keys moved reads
 * only rows whose stored text names one (`key-values.ts`). A process that keeps the tables
 * indexes every row's keys anyway, so it parses them now.
 */
function withDeps<T extends CachedFacts | CachedTarget>(row: T, raw: string, eager: boolean): T {
  if (eager) return Object.assign(row, { deps: JSON.parse(raw) as Deps });
  Object.defineProperty(row, "raw", { value: raw, enumerable: true });
  lazyProperty(row, "deps", () => JSON.parse(raw) as Deps);
  return row;
}

/** The tables this process kept, when the database is still the one it sealed last. */
export function renderRowsKept(path: string, generation: string | null): RenderRows | null {
  return mirrored<RenderRows>(path, "rows", generation);
}

export interface RenderPlan {
  /** Groups to render, with cached markdown facts where those are still valid. */
  readonly render: RenderGroup[];
  /** Results reused whole from the cache (their outputs are unchanged on disk). */
  readonly reused: PageGroupResult[];
  /** For `--verbose`: the dependency key that invalidated each re-rendered target, counted. */
  readonly reasons: Map<string, number>;
}

/** The first recorded dependency whose value is different now, or null when all still hold. */
function staleKey(deps: Deps, value: (key: string) => string): string | null {
  for (const key in deps) if (value(key) !== deps[key]) return key;
  return null;
}

/**
 * Decides what must render: a target is reused when every dependency it recorded still has
 * the same value; a page's markdown is reused under the same rule.
 */
export function planRender(
  rows: RenderRows,
  groups: readonly RenderGroup[],
  value: (key: string) => string,
  /** Pages whose bodies alone were swapped in an index carried over from the last build. */
  replaced?: readonly string[],
  /** True for stored dependency text naming a key that moved; rows it rejects are unchanged. */
  mentionsMoved?: (raw: string) => boolean,
): RenderPlan {
  const { facts, targets } = rows;
  // With the turned-around index only the dependents of moved keys are looked at; the reason
  // given is still each one's first moved key, as without it.
  const moved = rows.keys?.stale(value, replaced);
  const skip = (row: CachedFacts | CachedTarget) =>
    mentionsMoved !== undefined && row.raw !== undefined && !mentionsMoved(row.raw);
  const factsStaleKey = (pageId: string, row: CachedFacts): string | null =>
    (moved && !moved.pages.has(pageId)) || skip(row) ? null : staleKey(row.deps, value);
  const targetStaleKey = (outputPath: string, row: CachedTarget): string | null =>
    (moved && !moved.targets.has(outputPath)) || skip(row) ? null : staleKey(row.deps, value);

  const render: RenderGroup[] = [];
  const reused: PageGroupResult[] = [];
  const reasons = new Map<string, number>();
  const why = (key: string, pages: number) => reasons.set(key, (reasons.get(key) ?? 0) + pages);

  for (const group of groups) {
    const factsRow = facts.get(group.pageId);
    const factsStale = factsRow ? factsStaleKey(group.pageId, factsRow) : "new page";
    const cachedFacts = factsRow && factsStale === null ? factsRow.facts : undefined;
    const fresh: TargetOutput[] = [];
    const staleTargets: RenderTarget[] = [];
    let stale: string | null = null;
    for (const target of group.targets) {
      const row = targets.get(target.outputPath);
      const key = !row || row.pageId !== group.pageId ? "new page" : targetStaleKey(target.outputPath, row);
      if (key !== null) {
        stale ??= key;
        staleTargets.push(target);
        continue;
      }
      fresh.push(reusedOutput(target.outputPath, row!));
    }
    const generated = !hasSource(group);
    if (!generated && cachedFacts === undefined) {
      // The page's markdown changed: every target shows it, so all of them render.
      why(factsStale ?? stale ?? "page", group.targets.length);
      render.push(group);
      continue;
    }
    if (stale !== null) {
      // Only the targets (say, one pager of a long list) whose recorded inputs changed.
      why(stale, staleTargets.length);
      render.push({
        pageId: group.pageId,
        targets: staleTargets,
        ...(cachedFacts ? { facts: cachedFacts } : {}),
      });
    }
    if (fresh.length > 0) {
      // The facts travel with the rendered part when there is one, so they are counted once.
      reused.push({
        pageId: group.pageId,
        facts: stale === null ? (cachedFacts ?? null) : null,
        targets: fresh,
      });
    }
  }
  return { render, reused, reasons };
}

/** One per cached row, so a long-lived process does not rebuild 10,000 of them per build. */
const reusedOutputs = new WeakMap<CachedTarget, TargetOutput>();

function reusedOutput(outputPath: string, row: CachedTarget): TargetOutput {
  let out = reusedOutputs.get(row);
  if (out === undefined || out.outputPath !== outputPath) {
    const made = { outputPath, html: null, diagnostics: row.diagnostics };
    // Read through to the row, whose link facts stay on disk and dependencies unparsed until asked for.
    Object.defineProperty(made, "htmlFacts", { get: () => row.htmlFacts, enumerable: true });
    Object.defineProperty(made, "deps", { get: () => row.deps, enumerable: true });
    out = made as unknown as TargetOutput;
    reusedOutputs.set(row, out);
  }
  return out;
}

function hasSource(group: RenderGroup): boolean {
  return !group.pageId.startsWith("@generated/");
}

/**
 * Records rendered pages. Called in batches as pages render (after their files are written),
 * so neither the HTML nor the facts of the whole site are held until the end of the build.
 */
export function storeResults(db: Database, rendered: readonly PageGroupResult[], rows: RenderRows): void {
  const putFacts = db.query(
    "INSERT OR REPLACE INTO facts (page_id, deps, facts, issues, html) VALUES (?, ?, ?, ?, ?)",
  );
  const putTarget = db.query(
    "INSERT OR REPLACE INTO targets (output_path, page_id, deps, diagnostics, html_facts) VALUES (?, ?, ?, ?, ?)",
  );
  const delTarget = db.query("DELETE FROM targets WHERE output_path = ?");
  // Only a process that keeps the tables (the dev server) needs them updated in memory: for a
  // CLI build that would hold every page's HTML and link facts until it ends.
  const mirror = rows.keys !== null;
  db.transaction(() => {
    for (const group of rendered) {
      // Facts the page was rendered from are its row's as they stand: not written again.
      if (group.facts && rows.facts.get(group.pageId)?.facts !== group.facts) {
        putFacts.run(
          group.pageId,
          JSON.stringify(group.facts.deps),
          encodeFacts(group.facts),
          group.facts.diagnostics.length,
          group.facts.rendered.html,
        );
        if (mirror) {
          const old = rows.facts.get(group.pageId);
          if (old) rows.keys?.remove("pages", group.pageId, old.deps);
          rows.facts.set(group.pageId, { deps: group.facts.deps, facts: group.facts });
          rows.keys?.add("pages", group.pageId, group.facts.deps);
        }
      }
      for (const t of group.targets) {
        const old = mirror ? rows.targets.get(t.outputPath) : undefined;
        if (old) rows.keys?.remove("targets", t.outputPath, old.deps);
        // A failed layout is never cached: it must run again next time.
        if (t.html === null || t.htmlFacts === null) {
          delTarget.run(t.outputPath);
          rows.targets.delete(t.outputPath);
          continue;
        }
        if (mirror) {
          rows.keys?.add("targets", t.outputPath, t.deps);
          rows.targets.set(t.outputPath, {
            pageId: group.pageId,
            deps: t.deps,
            diagnostics: [...t.diagnostics],
            htmlFacts: t.htmlFacts,
          });
        }
        putTarget.run(
          t.outputPath,
          group.pageId,
          JSON.stringify(t.deps),
          encodeDiagnostics(t.diagnostics),
          encodeHtmlFacts(t.htmlFacts),
        );
      }
    }
  })();
}

const outputPathSets = new WeakMap<readonly RenderTarget[], ReadonlySet<string>>();

/** The output paths of a targets list, kept per list (the dev server carries lists over). */
function outputPaths(targets: readonly RenderTarget[]): ReadonlySet<string> {
  let set = outputPathSets.get(targets);
  if (!set) {
    set = new Set(targets.map((t) => t.outputPath));
    outputPathSets.set(targets, set);
  }
  return set;
}

/** Forgets pages and outputs that no longer exist. */
export function forgetRemoved(
  db: Database,
  rows: RenderRows,
  livePageIds: { has(id: string): boolean },
  liveTargets: readonly RenderTarget[],
): void {
  const liveOutputs = outputPaths(liveTargets);
  const delTarget = db.query("DELETE FROM targets WHERE output_path = ?");
  const delFacts = db.query("DELETE FROM facts WHERE page_id = ?");
  db.transaction(() => {
    // Deleting the entry being visited is safe while iterating a Map.
    for (const [path, row] of rows.targets) {
      if (liveOutputs.has(path)) continue;
      delTarget.run(path);
      rows.keys?.remove("targets", path, row.deps);
      rows.targets.delete(path);
    }
    for (const [id, row] of rows.facts) {
      if (livePageIds.has(id)) continue;
      delFacts.run(id);
      rows.keys?.remove("pages", id, row.deps);
      rows.facts.delete(id);
    }
  })();
}
