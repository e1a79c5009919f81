import { CONFIG_FILE_NAMES, dirname, type Host, join } from "@bengal/core/analysis";

/** Folders never searched for sites: dependencies, VCS data, caches and build output. */
const SKIP = new Set(["node_modules", ".git", ".bengal", "public", "dist"]);
const MAX_DEPTH = 4;

export async function hasConfig(host: Host, dir: string): Promise<boolean> {
  for (const name of CONFIG_FILE_NAMES) {
    const stat = await host.stat(join(dir, name)).catch(() => null);
    if (stat?.kind === "file") return true;
  }
  return false;
}

/** The site folder holding `path` (a folder or file), looking upwards; null when none does. */
export async function siteRootAbove(host: Host, path: string): Promise<string | null> {
  let dir = path;
  for (;;) {
    if (await hasConfig(host, dir)) return dir;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/**
 * Site roots for a workspace folder: the site it is in, else every site below it (a folder with
 * `bengal.toml`, `bengal.yaml` or `bengal.yml`), several side by side; sites are not nested.
 */
export async function findSites(host: Host, folder: string): Promise<string[]> {
  const above = await siteRootAbove(host, folder);
  if (above !== null) return [above];
  const found: string[] = [];
  const visit = async (dir: string, depth: number): Promise<void> => {
    if (await hasConfig(host, dir)) {
      found.push(dir);
      return;
    }
    if (depth >= MAX_DEPTH) return;
    const entries = await host.list(dir).catch(() => []);
    for (const e of entries) {
      if (e.kind === "dir" && !e.name.startsWith(".") && !SKIP.has(e.name))
        await visit(join(dir, e.name), depth + 1);
    }
  };
  await visit(folder, 0);
  return found.sort();
}
