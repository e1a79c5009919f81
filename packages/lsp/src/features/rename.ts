import {
  baseurlPath,
  dirname,
  isContentFile,
  join,
  type LinkRef,
  type Position,
  pageUrl,
  relative,
} from "@bengal/core/analysis";
import type { Range, WorkspaceEdit } from "vscode-languageserver/node";
import { analyzeText, type DocState } from "../workspace/doc-state.ts";
import type { Site } from "../workspace/site.ts";
import { EditSet, head, tail } from "./edits.ts";
import { destinationOf, headingAt, lineOf, splitHref, textAt } from "./locate.ts";
import { linksTo } from "./references.ts";

type ToUri = (path: string) => string;

export function prepareHeadingRename(
  doc: DocState,
  pos: Position,
): { range: Range; placeholder: string } | null {
  const i = headingAt(doc, pos);
  if (i < 0) return null;
  const range = doc.analysis.headingRanges[i]!.textRange;
  return { range, placeholder: textAt(doc.text, range) ?? doc.analysis.headings[i]!.text };
}

/** Written directly (`[x](a.md#id)`) rather than through a reference label: safe to edit in place. */
function writtenInline(site: Site, file: string, link: LinkRef): boolean {
  const text = site.docs.get(file)?.text;
  return text !== undefined && textAt(text, link.range) === link.href;
}

/**
 * Renames a heading's text; its new id is what core gives the edited document, and every link to
 * the old id across the site is pointed at the new one.
 */
export function renameHeading(
  site: Site,
  doc: DocState,
  pos: Position,
  newName: string,
  toUri: ToUri,
): WorkspaceEdit | null {
  const i = headingAt(doc, pos);
  if (i < 0) return null;
  const { textRange } = doc.analysis.headingRanges[i]!;
  const line = lineOf(doc.text, textRange.start.line);
  const newLine = line.slice(0, textRange.start.character) + newName + line.slice(textRange.end.character);
  const lines = doc.text.split("\n");
  lines[textRange.start.line] = lines[textRange.start.line]!.endsWith("\r") ? `${newLine}\r` : newLine;
  const after = analyzeText(doc.path, lines.join("\n"), doc.requireTitle);
  const oldId = doc.analysis.headings[i]!.id;
  const newId = after.analysis.headings[i]?.id;
  if (newId === undefined) return null;
  const edits = new EditSet();
  edits.add(join(site.root, doc.path), textRange, newName);
  if (newId !== oldId) {
    for (const use of linksTo(site, doc.path, oldId)) {
      if (use.rawFragment === null || !writtenInline(site, use.file, use.link)) continue;
      edits.add(join(site.root, use.file), tail(use.link.range, use.rawFragment.length), newId);
    }
  }
  return edits.toWorkspaceEdit(toUri);
}

/**
 * Link updates for files about to be renamed (`workspace/willRenameFiles`): links written as
 * Markdown paths get the new path, links written as site URLs the new URL. Folders move their pages.
 */
export function renameFiles(
  site: Site,
  renames: ReadonlyArray<{ from: string; to: string }>,
  toUri: ToUri,
): WorkspaceEdit {
  const moved = new Map<string, string>();
  for (const { from, to } of renames) {
    const oldRel = relative(site.root, from);
    const newRel = relative(site.root, to);
    if (site.docs.has(oldRel)) moved.set(oldRel, newRel);
    else
      for (const p of site.docs.keys())
        if (p.startsWith(`${oldRel}/`)) moved.set(p, `${newRel}${p.slice(oldRel.length)}`);
  }
  const edits = new EditSet();
  const fix = (linker: string, link: LinkRef, oldTarget: string, newTarget: string) => {
    if (!writtenInline(site, linker, link)) return;
    const { path } = splitHref(link.href);
    const newLinker = moved.get(linker) ?? linker;
    const replacement = newPath(site, path, newLinker, oldTarget, newTarget);
    if (replacement !== null && replacement !== path) {
      edits.add(join(site.root, linker), head(link.range, path.length), replacement);
    }
  };
  const linkers = new Set<string>(moved.keys());
  for (const oldRel of moved.keys()) for (const l of site.links.linkersOf(oldRel)) linkers.add(l);
  for (const linker of linkers) {
    const doc = site.docs.get(linker);
    if (!doc) continue;
    for (const link of doc.analysis.links) {
      const dest = destinationOf(site, linker, link.href);
      if (dest.file === null || dest.target.kind !== "page") continue;
      const newTarget = moved.get(dest.file) ?? dest.file;
      if (newTarget !== dest.file || moved.has(linker)) fix(linker, link, dest.file, newTarget);
    }
  }
  return edits.toWorkspaceEdit(toUri);
}

function newPath(
  site: Site,
  path: string,
  linker: string,
  oldTarget: string,
  newTarget: string,
): string | null {
  if (isContentFile(path)) {
    if (!path.startsWith("/")) return relative(dirname(linker), newTarget);
    return path.startsWith("/content/") ? `/${newTarget}` : `/${newTarget.replace(/^content\//, "")}`;
  }
  if (!path.startsWith("/") || oldTarget === newTarget) return null;
  const doc = site.docs.get(oldTarget);
  if (!doc) return null;
  const url = pageUrl(newTarget, doc.parsed.doc.frontMatter, site.config);
  if (url === pageUrl(oldTarget, doc.parsed.doc.frontMatter, site.config)) return null;
  const prefix = baseurlPath(site.config.site.baseurl);
  const prefixed = prefix !== "" && path.startsWith(`${prefix}/`);
  return prefixed ? `${prefix}${url}` : url;
}
