import { parseDocument as parseYaml } from "yaml";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { SourceLocator } from "./locator.ts";
import { locateYaml } from "./yaml-locator.ts";

/** YAML text read for config and front matter: its data and value locations, or its syntax errors. */
export type YamlRead =
  | { readonly data: unknown; readonly locator: SourceLocator; readonly diagnostics: readonly [] }
  | { readonly data: null; readonly locator: null; readonly diagnostics: Diagnostic[] };

/**
 * Reads `text` as YAML (aliases expanded up to 1,000 times). An empty document's data is `{}`.
 * Each syntax error becomes a diagnostic through `error`, given its message and its start and
 * end offsets in `text`.
 */
export function readYaml(
  text: string,
  error: (message: string, start: number, end: number) => Diagnostic,
): YamlRead {
  const doc = parseYaml(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      data: null,
      locator: null,
      diagnostics: doc.errors.map((e) => error(e.message, e.pos[0], e.pos[1])),
    };
  }
  return { data: doc.toJS({ maxAliasCount: 1000 }) ?? {}, locator: locateYaml(doc, text), diagnostics: [] };
}
