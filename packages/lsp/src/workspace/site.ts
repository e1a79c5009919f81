import {
  applySeverities,
  buildSiteIndex,
  builtinThemeDir,
  CONFIG_FILE_NAMES,
  chooseLayout,
  DEFAULT_CONFIG,
  type Diagnostic,
  discoverSite,
  type FileExists,
  type Host,
  indexLayoutFiles,
  isContentFile,
  layoutTemplateDirs,
  loadConfig,
  type Page,
  relative,
  type SiteConfig,
  type SiteFiles,
  type SiteIndex,
  siteFileSet,
} from "@bengal/core/analysis";
import type { Severities } from "../settings.ts";
import { type DocState, type ReadOutcome, readDoc } from "./doc-state.ts";
import { LinkState } from "./link-state.ts";

export interface FileChange {
  /** Absolute path. */
  readonly path: string;
  readonly kind: "change" | "create" | "delete";
}

const NO_FILES: SiteFiles = {
  content: [],
  resources: [],
  assets: [],
  static: [],
  templates: [],
  themeDir: "",
  themeTemplates: [],
};
/** Reading 10,000 files at once exhausts file handles; this many are in flight at a time. */
const READ_BATCH = 64;

/**
 * One Bengal site as the editor sees it: config, files, parsed pages, the content index and the
 * diagnostics of every file, kept current by `apply` with as little work as each change needs.
 */
export class Site {
  config: SiteConfig = DEFAULT_CONFIG;
  configFile = CONFIG_FILE_NAMES[0] as string;
  files: SiteFiles = NO_FILES;
  fileSet: FileExists = siteFileSet(NO_FILES);
  layoutNames: string[] = [];
  /** The editor's `bengal.validate` setting: wins over the site's `[validate]` for the codes it names. */
  editorSeverities: Severities = {};
  index: SiteIndex;
  readonly docs = new Map<string, DocState>();
  readonly links = new LinkState();
  private readonly anchors = new Map<string, ReadonlySet<string>>();
  private readonly readErrors = new Map<string, Diagnostic>();
  private configDiagnostics: Diagnostic[] = [];
  private indexDiagnostics = new Map<string, Diagnostic[]>();
  private urlSignature = "";
  private readonly dirty = new Set<string>();

  constructor(
    readonly root: string,
    private readonly host: Host,
  ) {
    this.index = buildSiteIndex([], DEFAULT_CONFIG, { drafts: false }).index;
  }

  /** Reads everything again: at start and whenever the config changes. */
  async load(): Promise<void> {
    for (const p of [...this.docs.keys(), ...this.readErrors.keys(), this.configFile]) this.dirty.add(p);
    const loaded = await loadConfig(this.host, this.root);
    this.config = loaded.config;
    this.configFile = loaded.file ? relative(this.root, loaded.file) : CONFIG_FILE_NAMES[0];
    this.configDiagnostics = loaded.diagnostics;
    this.dirty.add(this.configFile);
    await this.discover();
    const wanted = new Set(this.files.content);
    for (const p of [...this.docs.keys(), ...this.readErrors.keys()]) if (!wanted.has(p)) this.drop(p);
    await this.read(this.files.content);
    this.rebuildIndex();
    this.checkAll();
  }

  /** Applies file changes under this site; returns nothing, marks what must be republished. */
  async apply(changes: readonly FileChange[]): Promise<void> {
    const rels = changes.map((c) => ({ rel: relative(this.root, c.path), kind: c.kind }));
    if (rels.some((c) => (CONFIG_FILE_NAMES as readonly string[]).includes(c.rel))) return this.load();
    const before = new Set(this.files.content);
    const unknownPage = rels.some(
      (c) => c.rel.startsWith("content/") && isContentFile(c.rel) && !before.has(c.rel),
    );
    let filesChanged = false;
    if (unknownPage || rels.some((c) => c.kind !== "change")) {
      const files = JSON.stringify([this.files.resources, this.files.assets, this.files.static]);
      const layouts = this.layoutNames.join("\n");
      await this.discover();
      filesChanged = files !== JSON.stringify([this.files.resources, this.files.assets, this.files.static]);
      if (layouts !== this.layoutNames.join("\n")) for (const p of this.docs.keys()) this.dirty.add(p);
    }
    const now = new Set(this.files.content);
    const touched = new Set(rels.filter((c) => now.has(c.rel)).map((c) => c.rel));
    for (const p of now) if (!before.has(p)) touched.add(p);
    let indexNeeded = false;
    for (const p of before) {
      if (now.has(p)) continue;
      this.drop(p);
      indexNeeded = true;
    }
    const previous = new Map([...touched].map((p) => [p, this.docs.get(p)] as const));
    await this.read([...touched]);
    const recheck = new Set(touched);
    for (const [p, prev] of previous) {
      const doc = this.docs.get(p);
      if (prev?.indexKey !== doc?.indexKey) indexNeeded = true;
      if (!doc || !prev || !sameSet(prev.anchors, doc.anchors)) {
        for (const linker of this.links.linkersOf(p)) recheck.add(linker);
      }
    }
    const urlsChanged = indexNeeded && this.rebuildIndex();
    if (urlsChanged || filesChanged) this.checkAll();
    else for (const p of recheck) this.checkOne(p);
  }

  /** Files whose diagnostics may have changed since the last call. */
  takeDirty(): string[] {
    const out = [...this.dirty];
    this.dirty.clear();
    return out;
  }

  /** Marks every file for republishing: their severities changed though their analysis did not. */
  markAllDirty(): void {
    const files = [...this.docs.keys(), ...this.readErrors.keys(), ...this.indexDiagnostics.keys()];
    for (const p of [...files, this.configFile]) this.dirty.add(p);
  }

  /** Everything the build would report for `file`, with the site's and the editor's severities. */
  diagnosticsFor(file: string): Diagnostic[] {
    const out: Diagnostic[] = [];
    if (file === this.configFile) out.push(...this.configDiagnostics);
    const doc = this.docs.get(file);
    if (doc) out.push(...doc.parsed.diagnostics);
    const unreadable = this.readErrors.get(file);
    if (unreadable) out.push(unreadable);
    out.push(...(this.indexDiagnostics.get(file) ?? []));
    const page = this.pageOf(file);
    if (page && doc) {
      const choice = chooseLayout(page, this.layoutNames, doc.parsed.doc.keyRanges.layout);
      if (choice.diagnostic) out.push(choice.diagnostic);
    }
    out.push(...(this.links.diagnostics.get(file) ?? []));
    const severities = { ...this.config.validate, ...this.editorSeverities };
    return applySeverities(out, severities, this.config.build.strict_mode);
  }

  pageOf(file: string): Page | undefined {
    const id = this.index.bySource.get(file);
    return id === undefined ? undefined : this.index.pages.get(id);
  }

  /** Heading ids of a content page, for links `page#id`. */
  anchorsOf(file: string): ReadonlySet<string> | undefined {
    return this.anchors.get(file);
  }

  private async discover(): Promise<void> {
    const found = await discoverSite(this.host, this.root, this.config);
    this.files = found.files;
    this.fileSet = siteFileSet(found.files);
    // The theme's own problems have no file of their own: they belong to the config that names it.
    this.configDiagnostics = [
      ...this.configDiagnostics.filter((d) => d.code !== "theme.not-found"),
      ...found.diagnostics.map((d) => ({ ...d, file: this.configFile })),
    ];
    const builtin = builtinThemeDir();
    const themes = found.files.themeDir === builtin ? [builtin] : [found.files.themeDir, builtin];
    const layouts = await indexLayoutFiles(this.host, layoutTemplateDirs(this.root, themes));
    this.layoutNames = [...layouts.keys()];
  }

  private async read(paths: readonly string[]): Promise<void> {
    const requireTitle = this.config.content.require_title;
    for (let i = 0; i < paths.length; i += READ_BATCH) {
      const batch = paths.slice(i, i + READ_BATCH);
      const outcomes = await Promise.all(
        batch.map((p) => readDoc(this.host, this.root, p, requireTitle, this.docs.get(p))),
      );
      for (const [j, p] of batch.entries()) this.store(p, outcomes[j]!);
    }
  }

  private store(path: string, outcome: ReadOutcome): void {
    this.dirty.add(path);
    if (outcome.kind === "doc") {
      this.docs.set(path, outcome.doc);
      this.anchors.set(path, outcome.doc.anchors);
      this.readErrors.delete(path);
      return;
    }
    this.docs.delete(path);
    this.anchors.delete(path);
    if (outcome.kind === "error") this.readErrors.set(path, outcome.diagnostic);
    else this.readErrors.delete(path);
  }

  private drop(path: string): void {
    this.docs.delete(path);
    this.anchors.delete(path);
    this.readErrors.delete(path);
    this.links.forget(path);
    this.dirty.add(path);
  }

  /** Returns whether any URL, draft or alias changed, which can change the outcome of any link. */
  private rebuildIndex(): boolean {
    const docs = [...this.docs.values()].map((d) => d.parsed.doc);
    const built = buildSiteIndex(docs, this.config, { drafts: this.config.build.drafts });
    this.index = built.index;
    for (const f of this.indexDiagnostics.keys()) this.dirty.add(f);
    const byFile = new Map<string, Diagnostic[]>();
    for (const d of built.diagnostics) {
      byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
      this.dirty.add(d.file);
    }
    this.indexDiagnostics = byFile;
    const signature = urlSignature(built.index);
    const changed = signature !== this.urlSignature;
    this.urlSignature = signature;
    return changed;
  }

  private linkContext() {
    return {
      index: this.index,
      files: this.fileSet,
      anchors: this.anchors,
      validate: this.config.build.validate_links,
    };
  }

  private checkOne(path: string): void {
    const had = this.links.diagnostics.has(path);
    this.links.check(this.linkContext(), this.docs.get(path));
    if (had || this.links.diagnostics.has(path)) this.dirty.add(path);
  }

  private checkAll(): void {
    for (const p of this.docs.keys()) this.checkOne(p);
  }
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/** Everything a link can resolve against, in one string to compare between index builds. */
function urlSignature(index: SiteIndex): string {
  const parts: string[] = [];
  for (const [url, id] of index.byUrl) parts.push(`${url}>${id}`);
  for (const t of index.targets) parts.push(t.url);
  for (const [source, url] of index.drafts) parts.push(`d:${source}>${url}`);
  for (const a of index.aliases) parts.push(`a:${a.url}>${a.targetId}`);
  for (const source of index.bySource.keys()) parts.push(`s:${source}`);
  return parts.join("\n");
}
