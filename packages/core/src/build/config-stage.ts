import { loadConfig } from "../config/load-config.ts";
import type { Host } from "../host/host.ts";
import type { SiteConfig } from "../model/config.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { BuildError, type BuildOptions } from "./options.ts";

/** Loads the config and applies the command line's overrides on top of it. */
export async function resolveConfig(
  host: Host,
  root: string,
  options: BuildOptions,
): Promise<{ config: SiteConfig; diagnostics: Diagnostic[] }> {
  const loaded = await loadConfig(host, root, options.configPath);
  if (loaded.fatal) {
    throw new BuildError(
      `the config file ${loaded.file ?? options.configPath ?? ""} cannot be used`,
      loaded.diagnostics,
    );
  }
  const c = loaded.config;
  const config: SiteConfig = {
    ...c,
    site: {
      ...c.site,
      baseurl: options.baseurl !== undefined ? options.baseurl.replace(/\/+$/, "") : c.site.baseurl,
    },
    build: {
      ...c.build,
      output_dir: options.outputDir ?? c.build.output_dir,
      drafts: options.drafts ?? c.build.drafts,
      strict_mode: options.strict ?? c.build.strict_mode,
      parallel: options.parallel ?? c.build.parallel,
      max_workers: options.maxWorkers ?? c.build.max_workers,
      fingerprint_assets: options.profile === "serve" ? false : c.build.fingerprint_assets,
    },
  };
  return { config, diagnostics: loaded.diagnostics };
}
