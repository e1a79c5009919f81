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
  const out = new Map<string, string>();
  await Promise.all(
    [...files].map(async ([name, file]) => {
      try {
        out.set(name, `${file}:${hashOf(await host.readText(file))}`);
      } catch {
        out.set(name, `${file}:unreadable`);
      }
    }),
  );
  // Reads finish in any order; the map's order must not depend on it.
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
