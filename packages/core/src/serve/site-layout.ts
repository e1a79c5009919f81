import { CONFIG_FILE_NAMES } from "../config/defaults.ts";
import { loadConfig } from "../config/load-config.ts";
import { baseurlPath } from "../content/urls.ts";
import type { Host } from "../host/host.ts";
import { join } from "../host/path.ts";

/**
 * The dev server builds into this folder of the site's `.bengal/`, never into the output
 * folder, so `public/` always holds what `bengal build` wrote.
 */
export const SERVE_OUTPUT_DIR = ".bengal/serve";

/** Where the served site lives and under which baseurl prefix. */
export interface SiteLayout {
  /** Absolute output folder. */
  readonly outputDir: string;
  /** The baseurl's path (`""` or `/docs`): the site is served under it. */
  readonly prefix: string;
  /** Absolute config files worth watching (every candidate name, so a new one is seen). */
  readonly configFiles: readonly string[];
}

/**
 * Reads the config for the output folder and baseurl prefix. An unusable config keeps
 * `previous` (the server goes on serving the last good output while the overlay explains).
 */
export async function readSiteLayout(
  host: Host,
  root: string,
  options: { readonly configPath?: string; readonly baseurl?: string },
  previous?: SiteLayout,
): Promise<SiteLayout> {
  const configFiles = options.configPath
    ? [options.configPath.startsWith("/") ? options.configPath : join(root, options.configPath)]
    : CONFIG_FILE_NAMES.map((name) => join(root, name));
  const loaded = await loadConfig(host, root, options.configPath);
  if (loaded.fatal && previous) return previous;
  return {
    outputDir: join(root, SERVE_OUTPUT_DIR),
    prefix: baseurlPath(options.baseurl ?? loaded.config.site.baseurl),
    configFiles,
  };
}
