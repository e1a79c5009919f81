import type { HighlightConfig } from "../../model/config.ts";
import { createHighlighter } from "./highlighter.ts";
import type { BlockStore, Highlighter } from "./types.ts";

interface Shared {
  readonly highlighter: Promise<Highlighter>;
  /** The block store of the build being rendered now; swapped per build. */
  store: BlockStore | null;
}

const shared = new Map<string, Shared>();

/**
 * One highlighter per options key and thread, kept across builds (its shiki, once a block needed
 * it, costs ~150 ms to create and its regexes warm up with use), so a dev-server rebuild pays
 * neither again.
 */
export async function sharedHighlighter(
  config: HighlightConfig,
  store: BlockStore | null,
): Promise<Highlighter> {
  const key = JSON.stringify([config.light, config.dark, config.line_numbers]);
  let entry = shared.get(key);
  if (!entry) {
    const facade: BlockStore = {
      get: (k) => entry?.store?.get(k),
      set: (k, html) => entry?.store?.set(k, html),
    };
    entry = { highlighter: createHighlighter(config, facade), store: null };
    shared.set(key, entry);
  }
  entry.store = store;
  return entry.highlighter;
}
