import { parse as parseToml, TomlError } from "smol-toml";
import { diagnostic } from "../diagnostics/create.ts";
import { extname } from "../host/path.ts";
import type { MenuEntry, SiteConfig } from "../model/config.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { nearestValueRange, type SourceLocator } from "../parse/locator.ts";
import { createLineIndex } from "../parse/positions.ts";
import { locateToml } from "../parse/toml-locator.ts";
import { isPlainObject, tomlErrorRange, tomlMessage } from "../parse/values.ts";
import { DEFAULT_CONFIG, MENU_ENTRY_DEFAULTS } from "./defaults.ts";
import { CONFIG_SCHEMA } from "./schema.ts";
import { validate } from "./validate.ts";

export interface ParsedConfig {
  readonly config: SiteConfig;
  readonly diagnostics: Diagnostic[];
}

/** Reads a YAML config's data (`read-yaml-config.ts`, loaded only for YAML configs). */
export type YamlConfigReader = (file: string, text: string) => RawConfig;

export function isYamlConfig(file: string): boolean {
  const ext = extname(file).toLowerCase();
  return ext === ".yaml" || ext === ".yml";
}

/**
 * Parses and validates a config text; `file` is the site-relative name, whose extension
 * picks the format. Pure: any error leaves defaults in place for the values concerned.
 * The YAML reader is passed in so a TOML site never loads the YAML parser.
 */
export function configFromText(file: string, text: string, readYaml?: YamlConfigReader): ParsedConfig {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const ext = extname(file).toLowerCase();
  let read: RawConfig;
  if (ext === ".toml") read = readToml(file, source);
  else if (isYamlConfig(file)) {
    if (!readYaml) throw new Error(`configFromText: no YAML reader given for ${file}`);
    read = readYaml(file, source);
  } else
    read = {
      data: null,
      locator: null,
      diagnostics: [
        diagnostic("config.unreadable", {
          file,
          message: `Unsupported config format "${ext || file}"; use .toml, .yaml or .yml`,
        }),
      ],
    };
  if (read.data === null || read.locator === null)
    return { config: DEFAULT_CONFIG, diagnostics: read.diagnostics };
  return buildConfig(file, read.data, read.locator, read.diagnostics);
}

export interface RawConfig {
  readonly data: Record<string, unknown> | null;
  readonly locator: SourceLocator | null;
  readonly diagnostics: Diagnostic[];
}

function readToml(file: string, text: string): RawConfig {
  try {
    return { data: parseToml(text), locator: locateToml(text), diagnostics: [] };
  } catch (e) {
    if (!(e instanceof TomlError)) throw e;
    return {
      data: null,
      locator: null,
      diagnostics: [
        diagnostic("config.invalid-toml", {
          file,
          range: tomlErrorRange(e, createLineIndex(text)),
          message: tomlMessage(e),
        }),
      ],
    };
  }
}

function buildConfig(
  file: string,
  data: Record<string, unknown>,
  locator: SourceLocator,
  diagnostics: Diagnostic[],
): ParsedConfig {
  const accepted = (validate(CONFIG_SCHEMA, data, [], { file, locator, diagnostics }) ?? {}) as Record<
    string,
    unknown
  >;
  const merged = deepMerge(DEFAULT_CONFIG, accepted) as unknown as SiteConfig & { site: { theme?: string } };
  const { theme: siteTheme, ...site } = merged.site;
  const raw = merged.markdown;
  let markdown = raw;
  if (raw.toc_min_level > raw.toc_max_level) {
    diagnostics.push(
      diagnostic("config.invalid-value", {
        file,
        range: nearestValueRange(locator, ["markdown", "toc_min_level"]),
        message: `markdown.toc_min_level (${raw.toc_min_level}) must not be greater than markdown.toc_max_level (${raw.toc_max_level})`,
      }),
    );
    markdown = {
      ...raw,
      toc_min_level: DEFAULT_CONFIG.markdown.toc_min_level,
      toc_max_level: DEFAULT_CONFIG.markdown.toc_max_level,
    };
  }
  const config: SiteConfig = {
    ...merged,
    site: { ...site, baseurl: normalizeBaseurl(site.baseurl) },
    theme: data.theme === undefined && siteTheme !== undefined ? siteTheme : merged.theme,
    markdown,
    menu: { main: merged.menu.main.map((e): MenuEntry => ({ ...MENU_ENTRY_DEFAULTS, ...e })) },
  };
  return { config, diagnostics };
}

/**
 * `https://example.com/docs/` → `https://example.com/docs`, `docs/` → `/docs`, `/` → "".
 * Absolute URLs (and protocol-relative `//host`) stay absolute; anything else is a path prefix.
 */
export function normalizeBaseurl(baseurl: string): string {
  let url = baseurl.trim();
  while (url.endsWith("/") && !/^[a-z][a-z0-9+.-]*:\/+$/i.test(url)) url = url.slice(0, -1);
  if (url === "" || /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//") || url.startsWith("/"))
    return url;
  return `/${url}`;
}

function deepMerge(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in base ? deepMerge(base[k], v) : v;
  return out;
}
