import type { Database } from "bun:sqlite";
import { deserialize, serialize } from "node:v8";
import type { RenderGroup } from "../build/render-stage.ts";
import type { HtmlFacts } from "../links/html-links.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { RenderTarget } from "../model/site.ts";
import type { PageFacts, PageGroupResult, TargetOutput } from "../render/page-render.ts";
import type { Deps } from "../render/track/dep-value.ts";

interface FactsRow {
  page_id: string;
  deps: string;
  facts: Uint8Array;
}

interface TargetRow {
  output_path: string;
  page_id: string;
  deps: string;
  diagnostics: Uint8Array;
  html_facts: Uint8Array;
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
  db: Database,
  groups: readonly RenderGroup[],
  value: (key: string) => string,
): RenderPlan {
  const facts = new Map<string, FactsRow>();
  for (const row of db.query("SELECT * FROM facts").all() as FactsRow[]) facts.set(row.page_id, row);
  const targets = new Map<string, TargetRow>();
  for (const row of db.query("SELECT * FROM targets").all() as TargetRow[]) targets.set(row.output_path, row);

  const render: RenderGroup[] = [];
  const reused: PageGroupResult[] = [];
  const reasons = new Map<string, number>();
  const why = (key: string, pages: number) => reasons.set(key, (reasons.get(key) ?? 0) + pages);

  for (const group of groups) {
    const factsRow = facts.get(group.pageId);
    const factsStale = factsRow ? staleKey(JSON.parse(factsRow.deps) as Deps, value) : "new page";
    const cachedFacts =
      factsRow && factsStale === null ? (deserialize(factsRow.facts) as PageFacts) : undefined;
    const fresh: TargetOutput[] = [];
    const staleTargets: RenderTarget[] = [];
    let stale: string | null = null;
    for (const target of group.targets) {
      const row = targets.get(target.outputPath);
      const key =
        !row || row.page_id !== group.pageId ? "new page" : staleKey(JSON.parse(row.deps) as Deps, value);
      if (key !== null) {
        stale ??= key;
        staleTargets.push(target);
        continue;
      }
      fresh.push({
        outputPath: target.outputPath,
        html: null,
        htmlFacts: deserialize(row!.html_facts) as HtmlFacts,
        deps: JSON.parse(row!.deps) as Deps,
        diagnostics: deserialize(row!.diagnostics) as Diagnostic[],
      });
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

function hasSource(group: RenderGroup): boolean {
  return !group.pageId.startsWith("@generated/");
}

/**
 * Records rendered pages. Called in batches as pages render (after their files are written),
 * so neither the HTML nor the facts of the whole site are held until the end of the build.
 */
export function storeResults(db: Database, rendered: readonly PageGroupResult[]): void {
  const putFacts = db.query("INSERT OR REPLACE INTO facts (page_id, deps, facts) VALUES (?, ?, ?)");
  const putTarget = db.query(
    "INSERT OR REPLACE INTO targets (output_path, page_id, deps, diagnostics, html_facts) VALUES (?, ?, ?, ?, ?)",
  );
  const delTarget = db.query("DELETE FROM targets WHERE output_path = ?");
  db.transaction(() => {
    for (const group of rendered) {
      if (group.facts) putFacts.run(group.pageId, JSON.stringify(group.facts.deps), serialize(group.facts));
      for (const t of group.targets) {
        // A failed layout is never cached: it must run again next time.
        if (t.html === null || t.htmlFacts === null) delTarget.run(t.outputPath);
        else
          putTarget.run(
            t.outputPath,
            group.pageId,
            JSON.stringify(t.deps),
            serialize(t.diagnostics),
            serialize(t.htmlFacts),
          );
      }
    }
  })();
}

/** Forgets pages and outputs that no longer exist. */
export function forgetRemoved(
  db: Database,
  livePageIds: ReadonlySet<string>,
  liveOutputs: ReadonlySet<string>,
): void {
  const delTarget = db.query("DELETE FROM targets WHERE output_path = ?");
  const delFacts = db.query("DELETE FROM facts WHERE page_id = ?");
  db.transaction(() => {
    for (const row of db.query("SELECT output_path FROM targets").all() as { output_path: string }[]) {
      if (!liveOutputs.has(row.output_path)) delTarget.run(row.output_path);
    }
    for (const row of db.query("SELECT page_id FROM facts").all() as { page_id: string }[]) {
      if (!livePageIds.has(row.page_id)) delFacts.run(row.page_id);
    }
  })();
}
