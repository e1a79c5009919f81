import { diagnostic, hasErrors } from "../diagnostics/create.ts";
import { type Host, HostError } from "../host/host.ts";
import { join, relative } from "../host/path.ts";
import type { SiteConfig } from "../model/config.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { configFromText, isYamlConfig } from "./config-text.ts";
import { CONFIG_FILE_NAMES, DEFAULT_CONFIG } from "./defaults.ts";

export interface LoadedConfig {
  readonly config: SiteConfig;
  /** Absolute path of the config file that was read, or null when defaults are used. */
  readonly file: string | null;
  readonly diagnostics: Diagnostic[];
  /** The config cannot be used as written (syntax error, wrong types): the CLI exits 2. */
  readonly fatal: boolean;
}

/**
 * Finds and parses the site config. `configPath` (from `--config`) may be absolute or
 * relative to `root`; when given it must exist. Without it the first of bengal.toml,
 * bengal.yaml, bengal.yml is used, and with none of them the defaults.
 */
export async function loadConfig(host: Host, root: string, configPath?: string): Promise<LoadedConfig> {
  const candidates =
    configPath !== undefined
      ? [configPath.startsWith("/") ? configPath : join(root, configPath)]
      : CONFIG_FILE_NAMES.map((name) => join(root, name));
  for (const file of candidates) {
    const rel = relative(root, file);
    let text: string;
    try {
      text = await host.readText(file);
    } catch (e) {
      if (e instanceof HostError && e.code === "not-found") continue;
      const reason = e instanceof HostError ? e.message : String(e);
      const diagnostics = [
        diagnostic("config.unreadable", { file: rel, message: `Cannot read ${rel}: ${reason}` }),
      ];
      return { config: DEFAULT_CONFIG, file, diagnostics, fatal: true };
    }
    // Loaded only for a YAML config: most sites are TOML, and every CLI run reads the config.
    const readYaml = isYamlConfig(rel) ? (await import("./read-yaml-config.ts")).readYamlConfig : undefined;
    const { config, diagnostics } = configFromText(rel, text, readYaml);
    return { config, file, diagnostics, fatal: hasErrors(diagnostics) };
  }
  if (configPath !== undefined) {
    const rel = relative(root, candidates[0]!);
    const diagnostics = [
      diagnostic("config.not-found", {
        file: rel,
        severity: "error",
        message: `The config file ${rel} does not exist`,
        hint: "Check the --config path.",
      }),
    ];
    return { config: DEFAULT_CONFIG, file: null, diagnostics, fatal: true };
  }
  const diagnostics = [
    diagnostic("config.not-found", {
      file: CONFIG_FILE_NAMES[0],
      message: `No ${CONFIG_FILE_NAMES.join(", ")} found; using the default config`,
    }),
  ];
  return { config: DEFAULT_CONFIG, file: null, diagnostics, fatal: false };
}
