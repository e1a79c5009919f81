import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { SiteConfig } from "../model/config.ts";
import { VERSION } from "../version.ts";
import { CACHE_SCHEMA } from "./db.ts";

/** What the cached renders were made with; any difference means a full rebuild. */
export interface CacheKey {
  readonly engine: string;
  readonly dependencies: string;
  /** The config values that can change output, as canonical JSON. */
  readonly config: string;
}

export function cacheKey(config: SiteConfig): CacheKey {
  return {
    engine: `bengal ${VERSION} / cache schema ${CACHE_SCHEMA}`,
    dependencies: ["marked", "shiki", "hono"].map((name) => `${name} ${packageVersion(name)}`).join(", "),
    config: canonical(outputConfig(config)),
  };
}

const versions = new Map<string, string>();

/** The installed version of a dependency, read from the package.json above its entry file. */
function packageVersion(name: string): string {
  let version = versions.get(name);
  if (version !== undefined) return version;
  version = "unknown";
  try {
    let dir = dirname(fileURLToPath(import.meta.resolve(name)));
    while (dir !== dirname(dir)) {
      const file = join(dir, "package.json");
      if (existsSync(file)) {
        const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
        if (pkg.name === name) {
          version = pkg.version ?? "unknown";
          break;
        }
      }
      dir = dirname(dir);
    }
  } catch {
    // An unresolvable package just gives "unknown", which still changes the key if it was known before.
  }
  versions.set(name, version);
  return version;
}

/** Parallelism, strictness and rule severities change how a build runs or reports, never its output. */
function outputConfig(config: SiteConfig): unknown {
  const { parallel: _p, max_workers: _m, strict_mode: _s, ...build } = config.build;
  const { validate: _v, ...rest } = config;
  return { ...rest, build };
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** Top-level config paths (`site.title`, `menu`) whose values differ, for the "why" of a full rebuild. */
export function changedConfigKeys(before: string, after: string): string[] {
  const a = JSON.parse(before) as Record<string, unknown>;
  const b = JSON.parse(after) as Record<string, unknown>;
  const out: string[] = [];
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const x = a[key];
    const y = b[key];
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    if (x && y && typeof x === "object" && typeof y === "object" && !Array.isArray(x)) {
      for (const sub of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort()) {
        const xs = (x as Record<string, unknown>)[sub];
        const ys = (y as Record<string, unknown>)[sub];
        if (JSON.stringify(xs) !== JSON.stringify(ys)) out.push(`${key}.${sub}`);
      }
    } else out.push(key);
  }
  return out;
}
