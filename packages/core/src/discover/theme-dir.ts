import { fileURLToPath } from "node:url";

/**
 * Absolute path of `packages/core/theme`, the theme used when the site has none of its own.
 * `BENGAL_THEME_DIR` overrides it for bundles (the language server on Node), where this module's
 * URL no longer sits beside the theme.
 */
export function builtinThemeDir(): string {
  const override = globalThis.process?.env?.BENGAL_THEME_DIR;
  if (override) return override.replace(/\\/g, "/");
  return fileURLToPath(new URL("../../theme", import.meta.url)).replace(/\\/g, "/");
}
