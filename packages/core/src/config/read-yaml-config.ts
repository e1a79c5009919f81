import { diagnostic } from "../diagnostics/create.ts";
import { nearestValueRange } from "../parse/locator.ts";
import { createLineIndex, type LineIndex } from "../parse/positions.ts";
import { readYaml } from "../parse/read-yaml.ts";
import { describeValue, isPlainObject } from "../parse/values.ts";
import type { RawConfig } from "./config-text.ts";

/** A YAML config's data and value locations, or why it cannot be read. */
export function readYamlConfig(file: string, text: string): RawConfig {
  let index: LineIndex | null = null;
  const read = readYaml(text, (message, start, end) => {
    index ??= createLineIndex(text);
    return diagnostic("config.invalid-yaml", { file, range: index.rangeAt(start, end), message });
  });
  if (read.locator === null) return read;
  const { data, locator } = read;
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
