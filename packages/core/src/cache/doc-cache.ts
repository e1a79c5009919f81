import type { Database } from "bun:sqlite";
import { deserialize, serialize } from "node:v8";
import { diagnostic } from "../diagnostics/create.ts";
import { type FileStat, type Host, HostError } from "../host/host.ts";
import { join } from "../host/path.ts";
import type { SiteConfig } from "../model/config.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { ParsedDocument } from "../model/page.ts";
import { parseDocument } from "../parse/parse-document.ts";
import { hashOf } from "../render/track/dep-value.ts";
import { contentHash } from "../write/hash.ts";
import { dropMirror, keepMirror, mirrored } from "./mirror.ts";

interface DocRow {
  path: string;
  mtime: number;
  size: number;
  hash: string;
  doc: Uint8Array;
}

/** A content file as the dev server keeps it between builds: parsed once, reused by identity. */
interface KeptDoc {
  readonly mtime: number;
  readonly size: number;
  readonly hash: string;
  readonly parsed: Parsed;
}

export interface DocMirror {
  /** The database file, naming the kept copy. */
  readonly path: string;
  readonly generation: string | null;
  /** Keep the parsed documents for the next build of this process. */
  readonly keep: boolean;
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
  const kept = mirror && db ? mirrored<Map<string, KeptDoc>>(mirror.path, "docs", mirror.generation) : null;
  const rows = new Map<string, DocRow | KeptDoc>();
  if (kept) for (const [path, row] of kept) rows.set(path, row);
  else if (db) for (const row of db.query("SELECT * FROM docs").all() as DocRow[]) rows.set(row.path, row);
  const next = mirror?.keep && db ? new Map<string, KeptDoc>() : null;
  const parsedOf = (row: DocRow | KeptDoc): Parsed =>
    "parsed" in row ? row.parsed : (deserialize(row.doc) as Parsed);
  const diagnostics: Diagnostic[] = [];
  const changed: string[] = [];
  const updates: DocRow[] = [];
  const hashes = new Map<string, string>();

  const results = await Promise.all(
    paths.map(async (path): Promise<ParsedDocument | null> => {
      const abs = join(root, path);
      const row = rows.get(path);
      const stat = row ? (known?.has(abs) ? known.get(abs)! : await host.stat(abs)) : null;
      if (row && stat && stat.mtimeMs === row.mtime && stat.size === row.size) {
        hashes.set(path, row.hash);
        const cached = parsedOf(row);
        next?.set(path, { mtime: row.mtime, size: row.size, hash: row.hash, parsed: cached });
        diagnostics.push(...cached.diagnostics);
        return cached.doc;
      }
      let text: string;
      try {
        text = await host.readText(abs);
      } catch (error) {
        diagnostics.push(unreadable(path, error));
        return null;
      }
      const hash = contentHash(text);
      hashes.set(path, hash);
      const fresh = row?.hash === hash ? parsedOf(row) : null;
      const parsed: Parsed =
        fresh ?? parseDocument(path, text, { requireTitle: config.content.require_title });
      if (!fresh) changed.push(path);
      diagnostics.push(...parsed.diagnostics);
      const now = stat ?? (await host.stat(abs));
      const mtime = now?.mtimeMs ?? 0;
      const size = now?.size ?? 0;
      next?.set(path, { mtime, size, hash, parsed });
      updates.push({
        path,
        mtime,
        size,
        hash,
        doc:
          row && "doc" in row && fresh
            ? row.doc
            : serialize({ doc: parsed.doc, diagnostics: parsed.diagnostics } satisfies Parsed),
      });
      return parsed.doc;
    }),
  );

  const present = new Set(paths);
  const removed = [...rows.keys()].filter((p) => !present.has(p));
  if (db) {
    const put = db.query("INSERT OR REPLACE INTO docs (path, mtime, size, hash, doc) VALUES (?, ?, ?, ?, ?)");
    const del = db.query("DELETE FROM docs WHERE path = ?");
    db.transaction(() => {
      for (const u of updates) put.run(u.path, u.mtime, u.size, u.hash, u.doc);
      for (const p of removed) del.run(p);
    })();
  }
  if (mirror && next) keepMirror(mirror.path, "docs", next);
  else if (mirror) dropMirror(mirror.path, "docs");
  return {
    docs: results.filter((d): d is ParsedDocument => d !== null),
    diagnostics,
    changed: changed.sort(),
    removed,
    fingerprint: hashOf(paths.map((p) => [p, hashes.get(p) ?? "unreadable"])),
  };
}

function unreadable(path: string, error: unknown): Diagnostic {
  const notUtf8 = error instanceof HostError && error.code === "not-utf8";
  return diagnostic(notUtf8 ? "content.not-utf8" : "content.unreadable", {
    file: path,
    message: notUtf8 ? `${path} is not valid UTF-8` : `cannot read ${path}: ${(error as Error).message}`,
  });
}
