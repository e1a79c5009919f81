import { fileURLToPath } from "node:url";

/** Absolute path of `packages/core/theme`, the theme used when the site has none of its own. */
export function builtinThemeDir(): string {
  return fileURLToPath(new URL("../../theme", import.meta.url)).replace(/\\/g, "/");
}
