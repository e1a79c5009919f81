import type { DiagnosticCode } from "../diagnostics/catalog.ts";
import { closest } from "../diagnostics/suggest.ts";
import type { SiteIndex } from "../model/site.ts";
import { findUrl, lookups } from "./lookup.ts";
import { isFileLike, type OutputLink, outputFileFor } from "./output-links.ts";

/** What is wrong with one link of the final HTML, independent of where it is reported. */
export interface LinkProblem {
  readonly code: DiagnosticCode;
  /** Names the link and what was looked for; the reporter adds the page. */
  readonly message: string;
  readonly hint?: string;
  /** Same key = same broken destination, so layout links are reported once for all pages. */
  readonly key: string;
}

type Broken = Extract<OutputLink, { kind: "missing" | "no-anchor" }>;

export function describeProblem(
  index: SiteIndex,
  files: { has(path: string): boolean },
  prefix: string,
  href: string,
  result: Broken,
): LinkProblem {
  if (result.kind === "no-anchor") {
    const id = closest(result.fragment, result.ids);
    return {
      code: "link.no-such-anchor",
      message: `${result.url} has no heading or element with id "${result.fragment}" (link "${href}")`,
      ...(id ? { hint: `Did you mean #${id}?` } : {}),
      key: `anchor ${result.url}#${result.fragment}`,
    };
  }
  const { url } = result;
  const fileLike = isFileLike(url);
  const code: DiagnosticCode = fileLike ? "link.no-such-file" : "link.no-such-page";
  if (result.unprefixed) {
    const exists = outputFileFor(files, url) !== null;
    return {
      code,
      message: `"${href}" leaves the site: every URL of this site starts with the baseurl path ${prefix}`,
      hint: exists ? `Write ${prefix}${url}.` : `Add the ${prefix} prefix, and check that ${url} exists.`,
      key: `unprefixed ${url}`,
    };
  }
  const draft = fileLike ? undefined : findUrl(lookups(index).draftUrls, url);
  if (draft !== undefined) {
    return {
      code: "link.draft-page",
      message: `"${href}" links to ${draft}, a draft left out of this build`,
      hint: "Publish the page (draft: false) or build with --drafts; the link is broken on the live site.",
      key: `draft ${url}`,
    };
  }
  if (fileLike) {
    return { code, message: `No file ${url} in the output for "${href}"`, key: `file ${url}` };
  }
  const near = closest(url, index.byUrl.keys());
  return {
    code,
    message: `No page for "${href}" (looked for ${url})`,
    ...(near ? { hint: `Did you mean ${near}?` } : {}),
    key: `page ${url}`,
  };
}
