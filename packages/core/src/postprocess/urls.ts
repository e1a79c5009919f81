import { absoluteUrl as permalinkFor } from "../content/urls.ts";
import type { SiteIndex } from "../model/site.ts";

/** Absolute URL for a site-relative URL (`/blog/`), built the same way as page permalinks. */
export function absoluteUrl(index: SiteIndex, url: string): string {
  return permalinkFor(index.config.site.baseurl, url);
}

/** `YYYY-MM-DD` of the instant in UTC: date-only front matter values are UTC midnight. */
export function isoDay(date: Date): string {
  // Thousands of pages share a few hundred days: one string per day.
  const day = Math.floor(date.getTime() / 86_400_000);
  let text = days.get(day);
  if (text === undefined) {
    text = date.toISOString().slice(0, 10);
    days.set(day, text);
  }
  return text;
}

const days = new Map<number, string>();
