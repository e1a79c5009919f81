import type { Database } from "bun:sqlite";
import { documentShape } from "../content/index-reuse.ts";
import { diagnostic } from "../diagnostics/create.ts";
import { type FileStat, type Host, HostError } from "../host/host.ts";
import { join } from "../host/path.ts";
import type { SiteConfig } from "../model/config.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { ParsedDocument } from "../model/page.ts";
import { parseDocument } from "../parse/parse-document.ts";
import { bodyValue } from "../render/track/dep-value.ts";
import { contentHash } from "../write/hash.ts";
import { decodeDoc, encodeDoc } from "./doc-codec.ts";
import { lazyProperty, readRow } from "./lazy-row.ts";
import { dropMirror, keepMirror, mirrored } from "./mirror.ts";

interface DocRow {
  path: string;
  mtime: number;
  size: number;
  hash: string;
  /** The parsed document without its body (and the parse's diagnostics), `encodeDoc`d. */
  doc: string;
  /** Selected only by a process that keeps the documents: others read a body when it is used. */
  body?: string;
  body_key: string;
  /** `documentShape` of the parse. */
  shape: string;
}

/** A content file as the dev server keeps it between builds: parsed once, reused by identity. */
interface KeptDoc {
  readonly mtime: number;
  readonly size: number;
  readonly hash: string;
  readonly shape: string;
  readonly parsed: Parsed;
}

/** What the dev server keeps of one read: every file's entry, and the paths it was read for. */
interface KeptRead {
  readonly paths: readonly string[];
  readonly entries: ReadonlyMap<string, KeptDoc | Unreadable>;
  readonly sum: bigint;
  /** The read's result, and where each readable file's document sits in `docs`. */
  readonly docs: readonly ParsedDocument[];
  readonly diagnostics: readonly Diagnostic[];
  readonly position: ReadonlyMap<string, number>;
}

interface Unreadable {
  readonly unreadable: Diagnostic;
}

export interface DocMirror {
  /** The database file, naming the kept copy. */
  readonly path: string;
  readonly generation: string | null;
  /** Keep the parsed documents for the next build of this process. */
  readonly keep: boolean;
  /**
   * Content files the file watcher saw change since the last build, when it saw nothing
   * created or deleted: every other file is taken as it was, without a stat.
   */
  readonly changed?: ReadonlySet<string>;
}

interface Parsed {
  readonly doc: ParsedDocument;
  readonly diagnostics: readonly Diagnostic[];
}

export interface ReadResult {
  readonly docs: ParsedDocument[];
  readonly diagnostics: Diagnostic[];
  /** Content files whose text changed (or appeared) since the cache was written. */
  readonly changed: string[];
  readonly removed: string[];
  /** Hash of every content path with its content hash: equal means no content changed. */
  readonly fingerprint: string;
  /**
   * Hash of every content path with its document's shape (all but the body): equal means the
   * site index is the same but for bodies. Null when only the watcher's files were read.
   */
  readonly shape: string | null;
}

/**
 * Reads and parses content files, reusing the cached parse of every file whose size and
 * mtime (fast check) or content hash (when those moved) are unchanged. Without a database
 * every file is read and parsed.
 */
export async function readContentCached(
  host: Host,
  root: string,
  paths: readonly string[],
  config: SiteConfig,
  db: Database | null,
  /** Stats already taken this build (absolute path → stat), so no file is stat'ed twice. */
  known?: ReadonlyMap<string, FileStat | null>,
  mirror?: DocMirror,
): Promise<ReadResult> {
  const kept = mirror && db ? mirrored<KeptRead>(mirror.path, "docs", mirror.generation) : null;
  const rows = new Map<string, DocRow | KeptDoc>();
  // Only the watcher's files are looked at when the list of files is the one read last time.
  const only = kept && mirror?.changed && kept.paths === paths ? mirror.changed : null;
  if (only) {
    for (const path of only) {
      const row = kept!.entries.get(path);
      if (row && "hash" in row) rows.set(path, row);
    }
  } else if (kept) {
    for (const [path, row] of kept.entries) if ("hash" in row) rows.set(path, row);
  } else if (db) {
    // The bodies (most of the table) stay on disk: a rebuild renders only a few pages.
    const sql = mirror?.keep
      ? "SELECT * FROM docs"
      : "SELECT path, mtime, size, hash, doc, body_key, shape FROM docs";
    for (const row of db.query(sql).all() as DocRow[]) rows.set(row.path, row);
  }
  let entries = new Map<string, KeptDoc | Unreadable>();
  const parsedOf = (row: DocRow | KeptDoc): Parsed => ("parsed" in row ? row.parsed : storedParse(row, db!));
  const changed: string[] = [];
  const updates: DocRow[] = [];
  /** Files whose text is what the cache holds, with a new size or mtime. */
  const touched: Array<{ path: string; mtime: number; size: number }> = [];

  /** The cached entry of a file whose stat, already taken this build, is the cached one. */
  const unchanged = (path: string): KeptDoc | null => {
    const row = rows.get(path);
    const stat = row && known?.get(join(root, path));
    if (!row || !stat || stat.mtimeMs !== row.mtime || stat.size !== row.size) return null;
    return { mtime: row.mtime, size: row.size, hash: row.hash, shape: row.shape, parsed: parsedOf(row) };
  };

  const load = async (path: string): Promise<KeptDoc | Unreadable> => {
    const abs = join(root, path);
    const row = rows.get(path);
    const stat = row ? (known?.has(abs) ? known.get(abs)! : await host.stat(abs)) : null;
    if (row && stat && stat.mtimeMs === row.mtime && stat.size === row.size) {
      return { mtime: row.mtime, size: row.size, hash: row.hash, shape: row.shape, parsed: parsedOf(row) };
    }
    let text: string;
    try {
      text = await host.readText(abs);
    } catch (error) {
      return { unreadable: unreadable(path, error) };
    }
    const hash = contentHash(text);
    const fresh = row?.hash === hash ? parsedOf(row) : null;
    const parsed: Parsed = fresh ?? parseDocument(path, text, { requireTitle: config.content.require_title });
    if (!fresh) changed.push(path);
    const now = stat ?? (await host.stat(abs));
    const shape = fresh ? row!.shape : documentShape(parsed.doc);
    const entry = { mtime: now?.mtimeMs ?? 0, size: now?.size ?? 0, hash, shape, parsed };
    if (fresh) touched.push({ path, mtime: entry.mtime, size: entry.size });
    else {
      const { body, bodyKey: _, ...doc } = parsed.doc;
      updates.push({
        path,
        mtime: entry.mtime,
        size: entry.size,
        hash,
        doc: encodeDoc({ doc, diagnostics: parsed.diagnostics }),
        body,
        body_key: bodyValue(body, doc.bodyLine),
        shape,
      });
    }
    return entry;
  };

  let sum = 0n;
  let shapeSum: bigint | null = null;
  // With the watcher's files only, the last result is patched where those files sit in it.
  let patched: { docs: ParsedDocument[]; diagnostics: readonly Diagnostic[] } | null = null;
  if (only) {
    sum = kept!.sum;
    const entries2 = new Map(kept!.entries);
    const docs = kept!.docs.slice();
    let simple = true;
    for (const path of only) {
      const before = entries2.get(path);
      if (before === undefined) continue;
      const after = await load(path);
      entries2.set(path, after);
      sum = BigInt.asUintN(64, sum - entryHash(path, before) + entryHash(path, after));
      const at = kept!.position.get(path);
      if (at === undefined || !plain(before) || !plain(after)) simple = false;
      else docs[at] = (after as KeptDoc).parsed.doc;
    }
    entries = entries2;
    if (simple) patched = { docs, diagnostics: kept!.diagnostics };
  } else {
    // Files known unchanged are taken without a promise each (10,000 of them at 10,000 pages).
    const loaded = await Promise.all(paths.map((path) => unchanged(path) ?? load(path)));
    shapeSum = 0n;
    paths.forEach((path, i) => {
      const entry = loaded[i]!;
      entries.set(path, entry);
      sum = BigInt.asUintN(64, sum + entryHash(path, entry));
      shapeSum = BigInt.asUintN(64, shapeSum! + shapeHash(path, entry));
    });
  }

  let docs: ParsedDocument[] = [];
  let diagnostics: Diagnostic[] = [];
  let position: ReadonlyMap<string, number>;
  if (patched) {
    docs = patched.docs;
    diagnostics = [...patched.diagnostics];
    position = kept!.position;
  } else {
    const at = new Map<string, number>();
    for (const path of paths) {
      const entry = entries.get(path)!;
      if ("unreadable" in entry) diagnostics.push(entry.unreadable);
      else {
        at.set(path, docs.length);
        docs.push(entry.parsed.doc);
        diagnostics.push(...entry.parsed.diagnostics);
      }
    }
    position = at;
  }

  const present = only ? null : new Set(paths);
  const removed = present ? [...rows.keys()].filter((p) => !present.has(p)) : [];
  if (db) {
    const put = db.query(
      "INSERT OR REPLACE INTO docs (path, mtime, size, hash, doc, body, body_key, shape) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    );
    const touch = db.query("UPDATE docs SET mtime = ?, size = ? WHERE path = ?");
    const del = db.query("DELETE FROM docs WHERE path = ?");
    db.transaction(() => {
      for (const u of updates) put.run(u.path, u.mtime, u.size, u.hash, u.doc, u.body!, u.body_key, u.shape);
      for (const t of touched) touch.run(t.mtime, t.size, t.path);
      for (const p of removed) del.run(p);
    })();
    // Stored, a new document's body is read back like a cached one's (`storedParse`) rather
    // than held: a build renders on page workers that read bodies from the table, and this
    // process held all of them through rendering (~64 MB at 10,000 pages) for nothing.
    if (!mirror?.keep) {
      for (const u of updates) {
        const entry = entries.get(u.path);
        if (entry && "parsed" in entry) readBodyBack(entry.parsed.doc, u.body_key, u.path, db);
      }
    }
  }
  if (mirror?.keep && db) {
    keepMirror(mirror.path, "docs", { paths, entries, sum, docs, diagnostics, position } satisfies KeptRead);
  } else if (mirror) dropMirror(mirror.path, "docs");
  return {
    docs,
    diagnostics,
    changed: changed.sort(),
    removed,
    fingerprint: sum.toString(36),
    shape: shapeSum === null ? null : shapeSum.toString(36),
  };
}

/**
 * A document from its row. Without the body in the row, `body` reads it from the database on
 * first use (the build's database stays open until the build ends); `bodyKey` stands for it
 * in dependency values meanwhile.
 */
function storedParse(row: DocRow, db: Database): Parsed {
  const stored = decodeDoc(row.doc);
  if (row.body !== undefined) {
    return { doc: { ...stored.doc, body: row.body, bodyKey: row.body_key }, diagnostics: stored.diagnostics };
  }
  const doc = { ...stored.doc } as ParsedDocument;
  readBodyBack(doc, row.body_key, row.path, db);
  return { doc, diagnostics: stored.diagnostics };
}

function readBodyBack(doc: ParsedDocument, bodyKey: string, path: string, db: Database): void {
  (doc as { bodyKey?: string }).bodyKey = bodyKey;
  lazyProperty(doc, "body", () => String(readRow(db, "SELECT body FROM docs WHERE path = ?", path).body));
}

/** Readable and without diagnostics: swapping it changes one document and no diagnostic. */
function plain(entry: KeptDoc | Unreadable): boolean {
  return "parsed" in entry && entry.parsed.diagnostics.length === 0;
}

/** One file's share of the shape sum (an unreadable file is left out of the index). */
function shapeHash(path: string, entry: KeptDoc | Unreadable): bigint {
  return BigInt(Bun.hash(`${path}\u0000${"shape" in entry ? entry.shape : "unreadable"}`));
}

/** One file's share of the fingerprint: a sum of these changes by one term when one file does. */
function entryHash(path: string, entry: KeptDoc | Unreadable): bigint {
  return BigInt(Bun.hash(`${path}\u0000${"hash" in entry ? entry.hash : "unreadable"}`));
}

function unreadable(path: string, error: unknown): Diagnostic {
  const notUtf8 = error instanceof HostError && error.code === "not-utf8";
  return diagnostic(notUtf8 ? "content.not-utf8" : "content.unreadable", {
    file: path,
    message: notUtf8 ? `${path} is not valid UTF-8` : `cannot read ${path}: ${(error as Error).message}`,
  });
}
