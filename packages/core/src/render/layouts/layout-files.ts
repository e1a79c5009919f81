import type { Host } from "../../host/host.ts";
import { join } from "../../host/path.ts";

/** Extensions a layout may have, in the order that wins when one folder holds `page.tsx` and `page.js`. */
export const LAYOUT_EXTENSIONS = [".tsx", ".jsx", ".ts", ".js"] as const;

function layoutName(fileName: string): string | null {
  if (fileName.startsWith(".") || fileName.startsWith("_")) return null;
  if (/\.(test|spec|d)\.[jt]sx?$/.test(fileName)) return null;
  const ext = LAYOUT_EXTENSIONS.find((e) => fileName.endsWith(e));
  return ext ? fileName.slice(0, -ext.length) : null;
}

function rank(file: string): number {
  return LAYOUT_EXTENSIONS.findIndex((e) => file.endsWith(e));
}

async function walk(host: Host, dir: string, prefix: string, out: Map<string, string>): Promise<void> {
  for (const entry of await host.list(dir)) {
    const path = join(dir, entry.name);
    if (entry.kind === "dir") {
      // `_lib/` and dot folders hold helpers, not layouts.
      if (!entry.name.startsWith(".") && !entry.name.startsWith("_") && entry.name !== "node_modules") {
        await walk(host, path, `${prefix}${entry.name}/`, out);
      }
      continue;
    }
    const stem = layoutName(entry.name);
    if (stem === null) continue;
    const name = prefix + stem;
    const existing = out.get(name);
    if (existing === undefined || rank(path) < rank(existing)) out.set(name, path);
  }
}

/**
 * Layout name (`page`, `partials/header`) → file, searching `templateDirs` in order: the first folder
 * that has a name wins, so the site's `templates/` overrides a theme's, which overrides the built-in one.
 */
export async function indexLayoutFiles(
  host: Host,
  templateDirs: readonly string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const dir of templateDirs) {
    const inDir = new Map<string, string>();
    await walk(host, dir, "", inDir);
    for (const [name, file] of inDir) if (!found.has(name)) found.set(name, file);
  }
  return new Map([...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
