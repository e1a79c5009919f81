import type { RenderTarget } from "../model/site.ts";
import { checkedTargets, wholeSite } from "./html-check.ts";
import {
  checkTarget,
  createLinkContext,
  depHash,
  type HtmlCheckInput,
  hasIssues,
  type LinkContext,
  type TargetCheck,
} from "./link-context.ts";
import { idsSignature, linkFactsText } from "./link-prints.ts";
import { type HtmlCheckResult, type ReportScope, reportLinks } from "./link-report.ts";

export interface RecordState {
  /** Fingerprint of the link facts the output was checked with. */
  readonly fp: string;
  /** A render replaced the output since it was checked. */
  readonly stale: boolean;
}

/** What the previous link check left behind (see `cache/link-cache.ts`). */
export interface LinkMemory {
  /** The output structure (which files exist, which are checked) it was recorded for. */
  readonly structure: string | null;
  /** How many outputs have a recorded check. */
  readonly recorded: number;
  /** Signature of an output file: presence, and the ids of an HTML file. */
  sig(path: string): string | undefined;
  record(path: string): RecordState | undefined;
  /** Outputs rendered again since they were checked. */
  stale(): Iterable<string>;
  /** Every signature and record, for a build whose outputs are not the same files. */
  all(): { files: ReadonlyMap<string, string>; records: ReadonlyMap<string, RecordState> };
  /** Recorded outputs whose check consulted any of these `depHash`es. */
  dependents(changed: ReadonlySet<number>): Iterable<string>;
  /** The recorded checks that have something to report. */
  issues(): ReadonlyMap<string, TargetCheck>;
}

export interface LinkRecord {
  readonly fp: string;
  readonly deps: Uint32Array;
  readonly check: TargetCheck;
}

/** What to remember for next time; `full` replaces everything remembered. */
export interface LinkChanges {
  readonly full: boolean;
  readonly structure: string | null;
  /** New or changed file signatures. */
  readonly files: Map<string, string>;
  /** Files that are gone. */
  readonly removed: string[];
  /** Outputs checked this time. */
  readonly records: Map<string, LinkRecord>;
  /** Outputs rendered again whose check still holds. */
  readonly confirmed: string[];
  /** Outputs still there but no longer checked (their page failed to render). */
  readonly unrecorded: string[];
}

/** Where the memory lives between builds (the build cache's database). */
export interface LinkStore {
  /** Null when nothing usable is remembered. */
  load(): LinkMemory | null;
  save(changes: LinkChanges): void;
  /** A strong hash: equal fingerprints are trusted. */
  readonly hash: (text: string | Uint8Array) => string;
}

export interface IncrementalCheckOptions {
  /** Page outputs rendered this build; all others were reused with the facts they had. */
  readonly rendered: ReadonlySet<string>;
  /** Null: nothing usable is remembered, every output is checked. */
  readonly memory: LinkMemory | null;
  readonly hash: (text: string | Uint8Array) => string;
  /**
   * Asks the runtime to collect garbage, between checks. Checking every output of a big site
   * leaves garbage the engine counts too late (much of it strings outside its heap): at 10,000
   * pages the build's memory grew by ~700 MB during the check, and by ~170 MB with a collection
   * asked for every 2,000 outputs, at no measurable cost in time.
   */
  readonly collect?: () => void;
  /**
   * Told how many outputs are about to be checked, before any is: when that is most of them, the
   * build reads their link facts from the cache in one pass rather than one row each.
   */
  readonly prefetch?: (due: number) => void;
}

/** Outputs checked between two `collect` calls. */
const COLLECT_EVERY = 2000;

export interface IncrementalCheckResult extends HtmlCheckResult {
  readonly changes: LinkChanges;
  /** How many outputs were checked this time. */
  readonly rechecked: number;
}

type Checks = Map<string, { target: RenderTarget; check: TargetCheck }>;

const HTML = /\.html?$/i;

/**
 * Link validation that re-checks only the outputs whose links, or whose links' targets, may
 * have changed: rendered with other link facts, new, or depending on a file that appeared,
 * disappeared or changed its ids. Every other output's check is taken from `memory`; the
 * report is then made for the whole site, so it is the one a full check gives. When the
 * output files are the very ones recorded (most edits), nothing is visited per page.
 */
export function checkLinksIncrementally(
  input: HtmlCheckInput,
  options: IncrementalCheckOptions,
): IncrementalCheckResult {
  const ctx = createLinkContext(input);
  const memory = input.collectExternal ? null : options.memory;
  const structure = structureOf(ctx, input, options.hash);
  const run = new Run(ctx, options, memory, structure);
  // Same files, and a record for each page (every one is checked when the structure is known).
  const same =
    memory !== null &&
    structure !== null &&
    memory.structure === structure &&
    memory.recorded === input.index.targets.length;
  return same ? run.sameFiles(memory) : run.anyFiles();
}

/**
 * Which files exist and which are checked, as one hash; null when some page is not checked.
 * A file counts the same whether this build wrote it or kept it: the asset stage writes its
 * files after a change and keeps them otherwise, so the first rebuild after a full build used
 * to find another structure and look at every output again (~250 ms at 10,000 pages).
 */
function structureOf(ctx: LinkContext, input: HtmlCheckInput, hash: (text: string) => string): string | null {
  const targets = input.index.targets;
  if ((input.htmlFacts?.size ?? 0) !== targets.length) return null;
  const files = new Set(ctx.byPath.keys());
  for (const path of input.kept ?? []) if (!ctx.has(path)) files.add(path);
  const pages = targets.map((t) => t.outputPath).join("\n");
  return hash(`${pages}\0${[...files].sort().join("\n")}`);
}

class Run {
  readonly changes: LinkChanges;
  readonly changed = new Set<number>();
  readonly due = new Map<string, RenderTarget>();
  private readonly fingerprints = new Map<string, string>();
  private before: (path: string) => string | undefined = () => undefined;
  private recordOf: (path: string) => RecordState | undefined = () => undefined;

  constructor(
    readonly ctx: LinkContext,
    readonly options: IncrementalCheckOptions,
    readonly memory: LinkMemory | null,
    structure: string | null,
  ) {
    this.changes = {
      full: memory === null,
      structure,
      files: new Map(),
      removed: [],
      records: new Map(),
      confirmed: [],
      unrecorded: [],
    };
  }

  /** The recorded files are the current ones: only rendered, stale and generated HTML files can differ. */
  sameFiles(memory: LinkMemory): IncrementalCheckResult {
    const { ctx } = this;
    this.before = (p) => memory.sig(p);
    this.recordOf = (p) => memory.record(p);
    const stale = new Set(memory.stale());
    for (const path of this.options.rendered) this.note(path);
    for (const path of stale) if (!this.options.rendered.has(path)) this.note(path);
    for (const path of ctx.byPath.keys()) if (HTML.test(path)) this.note(path);
    const dependents = this.changed.size > 0 ? new Set(memory.dependents(this.changed)) : new Set<string>();
    const issues = memory.issues();
    const wanted = new Set([...this.options.rendered, ...stale, ...dependents, ...issues.keys()]);
    const targets = new Map<string, RenderTarget>();
    for (const t of ctx.index.targets) if (wanted.has(t.outputPath)) targets.set(t.outputPath, t);
    for (const target of targets.values()) this.decide(target);
    for (const path of dependents) if (targets.has(path)) this.due.set(path, targets.get(path)!);
    const checks = this.checkDue(issues, (p) => targets.get(p));
    // Every page is checked here, so only links a check saw missing can have reached no HTML.
    let outputs: Map<string, string[]> | null = null;
    const scope: ReportScope = {
      pages: new Set(
        [...checks.values()].flatMap(({ target, check }) => {
          const source = check.unseen.length > 0 ? ctx.index.pages.get(target.pageId)?.sourcePath : null;
          const page = source ? ctx.page(source) : undefined;
          return page ? [page] : [];
        }),
      ),
      outputsOf: (pageId) => {
        outputs ??= outputsByPage(ctx.index.targets);
        return outputs.get(pageId) ?? [];
      },
    };
    return this.finish(checks, scope);
  }

  /** Files appeared or disappeared (or nothing is remembered): every output is looked at. */
  anyFiles(): IncrementalCheckResult {
    const { ctx, memory, changes } = this;
    const input = ctx.input;
    const checked = checkedTargets(ctx.has, ctx.index.targets);
    const targetByPath = new Map(checked.map((t) => [t.outputPath, t]));
    const all = memory?.all();
    if (all) {
      this.before = (p) => all.files.get(p);
      this.recordOf = (p) => all.records.get(p);
    }
    for (const path of ctx.byPath.keys()) this.note(path);
    for (const path of input.htmlFacts?.keys() ?? []) if (!ctx.byPath.has(path)) this.note(path);
    for (const path of input.kept ?? []) if (!ctx.has(path)) this.note(path);
    if (all) {
      for (const path of all.files.keys()) {
        if (ctx.files.has(path)) continue;
        changes.removed.push(path);
        this.changed.add(depHash("#", path));
        this.changed.add(depHash("f", path));
      }
      for (const path of all.records.keys()) {
        if (!targetByPath.has(path) && ctx.files.has(path)) changes.unrecorded.push(path);
      }
    }
    for (const target of checked) this.decide(target);
    if (memory && this.changed.size > 0) {
      for (const path of memory.dependents(this.changed)) {
        const target = targetByPath.get(path);
        if (target) this.due.set(path, target);
      }
    }
    const checks = this.checkDue(memory?.issues() ?? new Map(), (p) => targetByPath.get(p));
    return this.finish(checks, wholeSite(input, checked));
  }

  /** A reused page's ids are those it had when checked; anything else is looked at again. */
  private signature(path: string): string {
    if (!HTML.test(path)) return "f";
    const before = this.before(path);
    const record = this.recordOf(path);
    if (before !== undefined && record && !record.stale && !this.options.rendered.has(path)) return before;
    const printed = this.ctx.input.prints?.get(path);
    if (printed) return printed.sig;
    const facts = this.ctx.input.htmlFacts?.get(path);
    if (facts) return idsSignature(facts.ids, this.options.hash);
    const given = this.ctx.byPath.get(path);
    return given ? `c${this.options.hash(given.content)}` : "?";
  }

  private note(path: string): void {
    const now = this.signature(path);
    const before = this.before(path);
    if (before === now) return;
    this.changes.files.set(path, now);
    if (!this.memory) return;
    this.changed.add(depHash("#", path));
    if (before === undefined) this.changed.add(depHash("f", path));
  }

  private fingerprint(target: RenderTarget): string {
    let fp = this.fingerprints.get(target.outputPath) ?? this.ctx.input.prints?.get(target.outputPath)?.fp;
    if (fp === undefined) {
      fp = this.options.hash(linkFacts(this.ctx, target));
      this.fingerprints.set(target.outputPath, fp);
    }
    return fp;
  }

  private decide(target: RenderTarget): void {
    const path = target.outputPath;
    const record = this.recordOf(path);
    if (!record) this.due.set(path, target);
    else if (this.options.rendered.has(path)) {
      // Same link facts: the recorded check holds, whatever rendered the page in between.
      if (this.fingerprint(target) !== record.fp) this.due.set(path, target);
      else this.changes.confirmed.push(path);
    } else if (record.stale) this.due.set(path, target);
  }

  private checkDue(
    issues: ReadonlyMap<string, TargetCheck>,
    targetOf: (path: string) => RenderTarget | undefined,
  ): Checks {
    this.options.prefetch?.(this.due.size);
    const checks: Checks = new Map();
    for (const [path, check] of issues) {
      const target = targetOf(path);
      if (target && !this.due.has(path)) checks.set(path, { target, check });
    }
    let done = 0;
    for (const [path, target] of this.due) {
      if (++done % COLLECT_EVERY === 0) this.options.collect?.();
      const deps: number[] = [];
      const check = checkTarget(this.ctx, target, deps);
      if (hasIssues(check)) checks.set(path, { target, check });
      const kept = check.external.length > 0 ? { ...check, external: [] } : check;
      this.changes.records.set(path, {
        fp: this.fingerprint(target),
        deps: Uint32Array.from(deps),
        check: kept,
      });
    }
    return checks;
  }

  private finish(checks: Checks, scope: ReportScope): IncrementalCheckResult {
    const { changes } = this;
    const confirmed = changes.confirmed.filter((p) => !changes.records.has(p));
    changes.confirmed.splice(0, changes.confirmed.length, ...confirmed);
    return { ...reportLinks(this.ctx, checks, scope), changes, rechecked: this.due.size };
  }
}

function outputsByPage(targets: readonly RenderTarget[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const t of targets) {
    const list = out.get(t.pageId);
    if (list) list.push(t.outputPath);
    else out.set(t.pageId, [t.outputPath]);
  }
  return out;
}

/** Everything an output's check reads about the output itself, as one string (`linkFactsText`). */
function linkFacts(ctx: LinkContext, target: RenderTarget): string {
  const source = ctx.index.pages.get(target.pageId)?.sourcePath ?? null;
  const markdown = source === null ? [] : (ctx.page(source)?.links ?? []);
  return linkFactsText(target.url, source, ctx.facts(target.outputPath), markdown);
}
