import { CONFIG_FILE_NAMES } from "../config/defaults.ts";
import { loadConfig } from "../config/load-config.ts";
import { baseurlPath } from "../content/urls.ts";
import type { Host } from "../host/host.ts";
import { join, normalize } from "../host/path.ts";

/** Where the served site lives, read from the config the way the build reads it. */
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
  const out = loaded.config.build.output_dir;
  return {
    outputDir: out.startsWith("/") ? normalize(out) : join(root, out),
    prefix: baseurlPath(options.baseurl ?? loaded.config.site.baseurl),
    configFiles,
  };
}
