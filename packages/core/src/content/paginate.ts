import type { Pager } from "../model/site.ts";
import { pagerUrl } from "./urls.ts";

/**
 * Splits a list into pagers. An empty list still gets one (empty) pager so the list page
 * itself is written; `perPage` below 1 means 1.
 */
export function paginate(
  itemIds: readonly string[],
  perPage: number,
  listUrl: string,
  prettyUrls = true,
): Pager[] {
  const size = Number.isFinite(perPage) && perPage >= 1 ? Math.floor(perPage) : 1;
  const total = Math.max(1, Math.ceil(itemIds.length / size));
  const urls: string[] = [];
  for (let n = 1; n <= total; n++) urls.push(pagerUrl(listUrl, n, prettyUrls));
  const pagers: Pager[] = [];
  for (let i = 0; i < total; i++) {
    pagers.push({
      number: i + 1,
      total,
      perPage: size,
      totalItems: itemIds.length,
      itemIds: itemIds.slice(i * size, (i + 1) * size),
      urls,
      prevUrl: i > 0 ? (urls[i - 1] ?? null) : null,
      nextUrl: i < total - 1 ? (urls[i + 1] ?? null) : null,
    });
  }
  return pagers;
}
