import type { Host } from "../../host/host.ts";
import { join } from "../../host/path.ts";
import { hashOf } from "../track/dep-value.ts";
import { indexLayoutFiles } from "./layout-files.ts";

/**
 * Layout name → identity (the file that provides it and a hash of its content), the value
 * of a render's `layout:<name>` dependency. Computed the same way on the main thread (to
 * check the cache) and in each render context (to record it).
 */
export async function layoutIdentities(
  host: Host,
  siteRoot: string,
  themeDirs: readonly string[],
): Promise<Map<string, string>> {
  const dirs = [join(siteRoot, "templates"), ...themeDirs.map((d) => join(d, "templates"))];
  const files = await indexLayoutFiles(host, dirs);
  // Layouts may import helper modules (`_lib/`, `_x.ts`) that are not layouts themselves; any
  // change to one counts as a change to every layout of the site (coarse, never stale).
  const helpers = await helpersVersion(host, dirs.slice(0, -1));
  const out = new Map<string, string>();
  await Promise.all(
    [...files].map(async ([name, file]) => {
      try {
        out.set(name, `${file}:${hashOf(await host.readText(file))}:${helpers}`);
      } catch {
        out.set(name, `${file}:unreadable`);
      }
    }),
  );
  // Reads finish in any order; the map's order must not depend on it.
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A hash of every helper module (scripts under `_`-named files and folders) in `dirs`. */
export async function helpersVersion(host: Host, dirs: readonly string[]): Promise<string> {
  return hashOf(await helperSources(host, dirs));
}

/** Path and content of every script under `_`-named files and folders of the site's template dirs. */
async function helperSources(host: Host, dirs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string, inHelper: boolean): Promise<void> => {
    for (const entry of await host.list(dir)) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const path = join(dir, entry.name);
      const helper = inHelper || entry.name.startsWith("_");
      if (entry.kind === "dir") await walk(path, helper);
      else if (helper && /\.[cm]?[jt]sx?$/.test(entry.name))
        out.push(`${path}\0${await host.readText(path)}`);
    }
  };
  for (const dir of dirs) await walk(dir, false);
  return out;
}
