import {
  basename,
  CONFIG_FILE_NAMES,
  type Diagnostic,
  dirname,
  type Host,
  isInside,
  join,
} from "@bengal/core/analysis";
import type { Severities } from "../settings.ts";
import { findSites, siteRootAbove } from "./find-sites.ts";
import { createOverlayHost } from "./overlay-host.ts";
import { type FileChange, Site } from "./site.ts";

/** How long typing must pause before the workspace is re-analysed. */
export const TYPING_DEBOUNCE_MS = 150;
const FILE_EVENT_DEBOUNCE_MS = 30;
const IGNORED = /\/(node_modules|\.git|\.bengal)(\/|$)/;

export interface WorkspaceEvents {
  /** Diagnostics of one file changed (absolute path); an empty list clears them. */
  publish(path: string, diagnostics: readonly Diagnostic[]): void;
  log(message: string): void;
}

/**
 * Every site open in the editor, the unsaved buffers over the disk, and the scheduling of work:
 * changes are collected, debounced, applied one batch at a time, and a batch that newer changes
 * overtook does not publish (the next one will, from the same dirty set).
 */
export class Workspace {
  readonly sites = new Map<string, Site>();
  readonly buffers = new Map<string, string>();
  readonly host: Host;
  private readonly pending = new Map<string, FileChange["kind"]>();
  private readonly folders: string[] = [];
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private queue: Promise<void> = Promise.resolve();
  private severities: Severities = {};

  constructor(
    disk: Host,
    private readonly events: WorkspaceEvents,
  ) {
    this.host = createOverlayHost(disk, this.buffers);
  }

  async addFolder(folder: string): Promise<void> {
    this.folders.push(folder);
    await this.enqueue(async () => {
      for (const root of await findSites(this.host, folder)) await this.openSite(root);
      this.publishDirty();
    });
  }

  removeFolder(folder: string): void {
    const i = this.folders.indexOf(folder);
    if (i >= 0) this.folders.splice(i, 1);
    for (const [root, site] of this.sites) {
      if (!isInside(folder, root)) continue;
      this.sites.delete(root);
      for (const file of site.docs.keys()) this.events.publish(join(root, file), []);
    }
  }

  /** The site a file belongs to (the innermost site root holding it). */
  siteOf(path: string): Site | undefined {
    let best: Site | undefined;
    for (const site of this.sites.values()) {
      if (isInside(site.root, path) && (!best || site.root.length > best.root.length)) best = site;
    }
    return best;
  }

  bufferChanged(path: string, text: string, typing: boolean): void {
    this.buffers.set(path, text);
    this.change(path, "change", typing ? TYPING_DEBOUNCE_MS : 0);
  }

  bufferClosed(path: string): void {
    this.buffers.delete(path);
    this.change(path, "change", 0);
  }

  filesChanged(changes: readonly FileChange[]): void {
    for (const c of changes) {
      if (IGNORED.test(c.path)) continue;
      // A build writing thousands of output files must not make the server re-list the site.
      const site = this.siteOf(c.path);
      const out = site?.config.build.output_dir;
      if (site && out && isInside(out.startsWith("/") ? out : join(site.root, out), c.path)) continue;
      this.change(c.path, c.kind, FILE_EVENT_DEBOUNCE_MS);
    }
  }

  /** Applies the editor's severities on top of every site's `[validate]` and republishes. */
  setSeverities(severities: Severities): Promise<void> {
    return this.enqueue(async () => {
      if (JSON.stringify(severities) === JSON.stringify(this.severities)) return;
      this.severities = severities;
      for (const site of this.sites.values()) {
        site.editorSeverities = severities;
        site.markAllDirty();
      }
      this.publishDirty();
    });
  }

  /** Runs pending work now and waits for it: requests answer from the latest text. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    return this.enqueue(() => this.process());
  }

  private change(path: string, kind: FileChange["kind"], delay: number): void {
    this.generation++;
    const before = this.pending.get(path);
    // A create or delete needs a fresh listing even when a plain edit follows it.
    this.pending.set(path, before && before !== "change" && kind === "change" ? before : kind);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.enqueue(() => this.process());
    }, delay);
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(work).catch((error: unknown) => {
      this.events.log(`bengal-lsp: ${(error as Error)?.stack ?? String(error)}`);
    });
    this.queue = next;
    return next;
  }

  private async process(): Promise<void> {
    if (this.pending.size === 0) return;
    const generation = this.generation;
    const changes = [...this.pending].map(([path, kind]): FileChange => ({ path, kind }));
    this.pending.clear();
    await this.openNewSites(changes);
    const bySite = new Map<Site, FileChange[]>();
    for (const c of changes) {
      const site = this.siteOf(c.path);
      if (!site) continue;
      bySite.set(site, [...(bySite.get(site) ?? []), c]);
    }
    for (const [site, list] of bySite) await site.apply(list);
    if (generation !== this.generation) return;
    this.publishDirty();
  }

  /** A config file created, or a file opened, outside any known site may start a new one. */
  private async openNewSites(changes: readonly FileChange[]): Promise<void> {
    for (const c of changes) {
      if (c.kind === "delete") continue;
      const isConfig = (CONFIG_FILE_NAMES as readonly string[]).includes(basename(c.path));
      if (isConfig && !this.sites.has(dirname(c.path)) && this.inFolders(c.path)) {
        await this.openSite(dirname(c.path));
        continue;
      }
      if (this.siteOf(c.path) || !this.buffers.has(c.path)) continue;
      const root = await siteRootAbove(this.host, dirname(c.path));
      if (root !== null && !this.sites.has(root)) await this.openSite(root);
    }
  }

  private inFolders(path: string): boolean {
    return this.folders.length === 0 || this.folders.some((f) => isInside(f, path));
  }

  private async openSite(root: string): Promise<void> {
    if (this.sites.has(root)) return;
    const site = new Site(root, this.host);
    site.editorSeverities = this.severities;
    this.sites.set(root, site);
    this.events.log(`bengal-lsp: site ${root}`);
    await site.load();
  }

  private publishDirty(): void {
    for (const site of this.sites.values()) {
      for (const file of site.takeDirty())
        this.events.publish(join(site.root, file), site.diagnosticsFor(file));
    }
  }
}
