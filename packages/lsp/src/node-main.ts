import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "./main.ts";

// Bundled into dist/bengal-lsp.js: the built-in theme is no longer beside core's sources, so it
// is found from the bundle's place in the repository (packages/lsp/dist → packages/core/theme).
process.env.BENGAL_THEME_DIR ??= resolve(dirname(fileURLToPath(import.meta.url)), "../../core/theme");
main(process.argv.slice(2));
