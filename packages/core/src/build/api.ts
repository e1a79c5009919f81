/**
 * What `bengal build` and `bengal clean` need of core, without the analysis half that the
 * package's main entry also exports (front matter, markdown): a no-change build never loads it.
 */
export { build } from "./build.ts";
export { clean } from "./clean.ts";
export { BuildError, type BuildOptions } from "./options.ts";
