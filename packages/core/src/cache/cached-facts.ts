import type { Database } from "bun:sqlite";
import type { PageFacts } from "../render/page-render.ts";
import type { Deps } from "../render/track/dep-value.ts";
import { readRow } from "./lazy-row.ts";
import { decodeFacts } from "./row-codec.ts";

/**
 * A page's cached markdown facts, body HTML included, read whole from its row: a page worker
 * re-rendering the page through a layout (after a layout edit) reads them itself, so the build
 * process neither reads the body HTML nor copies it over (~18 KB a page, most of the message).
 */
export function readCachedFacts(db: Database, pageId: string): PageFacts {
  const row = readRow(db, "SELECT deps, facts, html FROM facts WHERE page_id = ?", pageId);
  const facts = decodeFacts(String(row.facts), JSON.parse(String(row.deps)) as Deps);
  return { ...facts, rendered: { ...facts.rendered, html: String(row.html) } };
}
