import { configFromText, type ParsedConfig } from "./config-text.ts";
import { readYamlConfig } from "./read-yaml-config.ts";

export { normalizeBaseurl, type ParsedConfig } from "./config-text.ts";

/**
 * Parses and validates a config text of any supported format; `file` is the site-relative
 * name, whose extension picks the format. Pure: the language server runs it on unsaved buffers.
 */
export function parseConfig(file: string, text: string): ParsedConfig {
  return configFromText(file, text, readYamlConfig);
}
