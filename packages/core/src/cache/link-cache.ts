import type { Database } from "bun:sqlite";
import type { LinkChanges, LinkMemory, LinkStore, RecordState } from "../links/incremental-check.ts";
import type { TargetCheck } from "../links/link-context.ts";
import { readMeta, writeMeta } from "./db.ts";
import { dropMirror, keepMirror, mirrored } from "./mirror.ts";

/**
 * The link check's memory, in the `links` table: one row per output file with its signature
 * (presence, ids), and for link-checked outputs the fingerprint of their link facts, the
 * hashes of what their check consulted (`deps`) and what it found (`issues`, null when
 * nothing). A trigger on `targets` marks a row `stale` whenever a page is rendered again, so
 * a build that stopped between rendering and link validation cannot leave a check behind
 * that no longer matches the page.
 */
interface Entry {
  fp: string | null;
  stale: boolean;
  deps: Uint32Array | null;
  issues: TargetCheck | null;
}

interface Mirror {
  structure: string | null;
  files: Map<string, string>;
  entries: Map<string, Entry>;
}

const TABLE = "links";
const STRUCTURE = "link-structure";

export function hashText(text: string | Uint8Array): string {
  return Bun.hash(text).toString(36);
}

/**
 * The link check's memory in `db`. With `keep` (the dev server) the parsed table stays in
 * memory between builds (`mirror.ts`), used while the database's generation is the one this
 * process sealed.
 */
export function openLinkCache(
  db: Database,
  options: { path: string; generation: string | null; keep: boolean },
): LinkStore {
  let mirror: Mirror | null = null;
  return {
    hash: hashText,
    load() {
      try {
        if (!options.keep) return lazyMemory(db);
        mirror = mirrored<Mirror>(options.path, TABLE, options.generation) ?? readMirror(db);
        // Another build may have rendered pages since (and stopped before checking their links).
        for (const path of stalePaths(db)) {
          const entry = mirror.entries.get(path);
          if (entry) entry.stale = true;
        }
        return memoryOf(mirror);
      } catch {
        mirror = null;
        return null;
      }
    },
    save(changes) {
      saveChanges(db, changes);
      if (!options.keep) return dropMirror(options.path, TABLE);
      const kept =
        changes.full || !mirror ? { structure: null, files: new Map(), entries: new Map() } : mirror;
      applyToMirror(kept, changes);
      keepMirror(options.path, TABLE, kept);
    },
  };
}

function stalePaths(db: Database): string[] {
  return (db.query("SELECT output_path FROM links WHERE stale = 1").values() as [string][]).map((r) => r[0]);
}

function readMirror(db: Database): Mirror {
  const mirror: Mirror = { structure: readMeta(db, STRUCTURE), files: new Map(), entries: new Map() };
  const rows = db.query("SELECT output_path, sig, stale, fp, deps, issues FROM links").values() as [
    string,
    string,
    number,
    string | null,
    Uint8Array | null,
    string | null,
  ][];
  for (const [path, sig, stale, fp, deps, issues] of rows) {
    mirror.files.set(path, sig);
    if (fp !== null)
      mirror.entries.set(path, { fp, stale: stale === 1, deps: depsOf(deps), issues: issuesOf(issues) });
  }
  return mirror;
}

function memoryOf(mirror: Mirror): LinkMemory {
  const records = mirror.entries as ReadonlyMap<string, RecordState>;
  return {
    structure: mirror.structure,
    recorded: mirror.entries.size,
    sig: (path) => mirror.files.get(path),
    record: (path) => records.get(path),
    *stale() {
      for (const [path, entry] of mirror.entries) if (entry.stale) yield path;
    },
    all: () => ({ files: mirror.files, records }),
    *dependents(changed) {
      for (const [path, entry] of mirror.entries) if (entry.deps && meets(entry.deps, changed)) yield path;
    },
    issues() {
      const out = new Map<string, TargetCheck>();
      for (const [path, entry] of mirror.entries) if (entry.issues) out.set(path, entry.issues);
      return out;
    },
  };
}

/**
 * A CLI build reads only what it needs: the rows of the outputs it asks about, and all rows
 * only when files appeared or disappeared.
 */
function lazyMemory(db: Database): LinkMemory {
  const one = db.query("SELECT sig, stale, fp FROM links WHERE output_path = ?");
  const rows = new Map<string, { sig: string; stale: number; fp: string | null } | null>();
  const row = (path: string) => {
    let r = rows.get(path);
    if (r === undefined) {
      r = one.get(path) as { sig: string; stale: number; fp: string | null } | null;
      rows.set(path, r);
    }
    return r;
  };
  return {
    structure: readMeta(db, STRUCTURE),
    recorded: (db.query("SELECT count(*) AS n FROM links WHERE fp IS NOT NULL").get() as { n: number }).n,
    sig: (path) => row(path)?.sig,
    record(path) {
      const r = row(path);
      return r && r.fp !== null ? { fp: r.fp, stale: r.stale === 1 } : undefined;
    },
    stale: () => stalePaths(db),
    all() {
      const files = new Map<string, string>();
      const records = new Map<string, RecordState>();
      for (const [path, sig, stale, fp] of db
        .query("SELECT output_path, sig, stale, fp FROM links")
        .values() as [string, string, number, string | null][]) {
        files.set(path, sig);
        if (fp !== null) records.set(path, { fp, stale: stale === 1 });
      }
      return { files, records };
    },
    *dependents(changed) {
      const found = db.query("SELECT output_path, deps FROM links WHERE deps IS NOT NULL").values() as [
        string,
        Uint8Array,
      ][];
      for (const [path, deps] of found) if (meets(depsOf(deps)!, changed)) yield path;
    },
    issues() {
      const out = new Map<string, TargetCheck>();
      for (const [path, text] of db
        .query("SELECT output_path, issues FROM links WHERE issues IS NOT NULL")
        .values() as [string, string][])
        out.set(path, issuesOf(text)!);
      return out;
    },
  };
}

function meets(deps: Uint32Array, changed: ReadonlySet<number>): boolean {
  for (let i = 0; i < deps.length; i++) if (changed.has(deps[i]!)) return true;
  return false;
}

function depsOf(blob: Uint8Array | null): Uint32Array | null {
  if (blob === null) return null;
  const bytes = blob.byteOffset % 4 === 0 ? blob : blob.slice();
  return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >>> 2);
}

function issuesOf(text: string | null): TargetCheck | null {
  return text === null ? null : (JSON.parse(text) as TargetCheck);
}

function issuesText(check: TargetCheck): string | null {
  return check.broken.length > 0 || check.unseen.length > 0 ? JSON.stringify(check) : null;
}

function saveChanges(db: Database, changes: LinkChanges): void {
  const remove = db.query("DELETE FROM links WHERE output_path = ?");
  const putFile = db.query(
    "INSERT INTO links (output_path, sig) VALUES (?, ?) ON CONFLICT (output_path) DO UPDATE SET sig = excluded.sig",
  );
  const putRecord = db.query(
    "UPDATE links SET fp = ?, deps = ?, issues = ?, stale = 0 WHERE output_path = ?",
  );
  const confirm = db.query("UPDATE links SET stale = 0 WHERE output_path = ?");
  const unrecord = db.query(
    "UPDATE links SET fp = NULL, deps = NULL, issues = NULL, stale = 0 WHERE output_path = ?",
  );
  db.transaction(() => {
    if (changes.full) db.exec("DELETE FROM links");
    for (const path of changes.removed) remove.run(path);
    for (const [path, sig] of changes.files) putFile.run(path, sig);
    for (const [path, record] of changes.records) {
      const deps = new Uint8Array(record.deps.buffer, record.deps.byteOffset, record.deps.byteLength);
      putRecord.run(record.fp, deps, issuesText(record.check), path);
    }
    for (const path of changes.confirmed) confirm.run(path);
    for (const path of changes.unrecorded) unrecord.run(path);
    if (changes.structure === null) db.query("DELETE FROM meta WHERE key = ?").run(STRUCTURE);
    else writeMeta(db, STRUCTURE, changes.structure);
  })();
}

function applyToMirror(mirror: Mirror, changes: LinkChanges): void {
  mirror.structure = changes.structure;
  for (const path of changes.removed) {
    mirror.files.delete(path);
    mirror.entries.delete(path);
  }
  for (const [path, sig] of changes.files) mirror.files.set(path, sig);
  for (const [path, record] of changes.records) {
    const issues = issuesText(record.check) === null ? null : record.check;
    mirror.entries.set(path, { fp: record.fp, stale: false, deps: record.deps, issues });
  }
  for (const path of changes.confirmed) {
    const entry = mirror.entries.get(path);
    if (entry) entry.stale = false;
  }
  for (const path of changes.unrecorded) mirror.entries.delete(path);
}
