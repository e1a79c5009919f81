import { parseDocument as parseYaml } from "yaml";
import { diagnostic } from "../diagnostics/create.ts";
import { nearestValueRange } from "../parse/locator.ts";
import { createLineIndex } from "../parse/positions.ts";
import { describeValue, isPlainObject } from "../parse/values.ts";
import { locateYaml } from "../parse/yaml-locator.ts";
import type { RawConfig } from "./config-text.ts";

/** A YAML config's data and value locations, or why it cannot be read. */
export function readYamlConfig(file: string, text: string): RawConfig {
  const doc = parseYaml(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    const index = createLineIndex(text);
    return {
      data: null,
      locator: null,
      diagnostics: doc.errors.map((e) =>
        diagnostic("config.invalid-yaml", {
          file,
          range: index.rangeAt(e.pos[0], e.pos[1]),
          message: e.message,
        }),
      ),
    };
  }
  const locator = locateYaml(doc, text);
  const data: unknown = doc.toJS({ maxAliasCount: 1000 });
  if (data === null || data === undefined) return { data: {}, locator, diagnostics: [] };
  if (!isPlainObject(data)) {
    return {
      data: null,
      locator: null,
      diagnostics: [
        diagnostic("config.invalid-type", {
          file,
          range: nearestValueRange(locator, []),
          message: `The config must be a map of keys to values, got ${describeValue(data)}`,
        }),
      ],
    };
  }
  return { data, locator, diagnostics: [] };
}
