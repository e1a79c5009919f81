import { join } from "@bengal/core/analysis";
import type {
  DocumentLink,
  DocumentSymbol,
  Hover,
  Location,
  Position,
  SymbolInformation,
} from "vscode-languageserver/node";
import { SymbolKind } from "vscode-languageserver/node";
import type { DocState } from "../workspace/doc-state.ts";
import type { Site } from "../workspace/site.ts";
import { FRONT_MATTER_DOCS } from "./front-matter-docs.ts";
import { contains, type Destination, destinationOf, linkAt } from "./locate.ts";

const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
type ToUri = (path: string) => string;

function locationOf(site: Site, dest: Destination, toUri: ToUri): Location | null {
  if (dest.file === null) return null;
  const doc = site.docs.get(dest.file);
  const range = dest.heading >= 0 && doc ? doc.analysis.headingRanges[dest.heading]!.range : START;
  return { uri: toUri(join(site.root, dest.file)), range };
}

export function definition(site: Site, doc: DocState, pos: Position, toUri: ToUri): Location | null {
  const link = linkAt(doc, pos);
  return link ? locationOf(site, destinationOf(site, doc.path, link.href), toUri) : null;
}

const IMAGE = /\.(png|jpe?g|gif|svg|webp|avif)$/i;

export function hover(site: Site, doc: DocState, pos: Position, toUri: ToUri): Hover | null {
  const link = linkAt(doc, pos);
  if (!link) return keyHover(doc, pos);
  const dest = destinationOf(site, doc.path, link.href);
  const lines: string[] = [];
  if (dest.page) {
    const p = dest.page;
    lines.push(`**${p.title}**${p.draft ? " (draft)" : ""}`, "", `\`${p.url}\``);
    if (dest.heading >= 0) {
      const h = site.docs.get(dest.file!)?.analysis.headings[dest.heading];
      if (h) lines.push("", `§ ${h.text}`);
    }
    if (p.description) lines.push("", p.description);
    if (p.sourcePath) lines.push("", `_${p.sourcePath}_`);
  } else if (dest.target.kind === "file") {
    lines.push(`\`${dest.target.url}\``);
    if (dest.file) {
      lines.push("", `_${dest.file}_`);
      if (IMAGE.test(dest.file)) lines.push("", `![${dest.file}](${toUri(join(site.root, dest.file))})`);
    }
  } else if (dest.file) {
    lines.push(`Draft page _${dest.file}_`);
  } else return null;
  return { contents: { kind: "markdown", value: lines.join("\n") }, range: link.range };
}

function keyHover(doc: DocState, pos: Position): Hover | null {
  if (pos.line >= doc.parsed.doc.bodyLine) return null;
  for (const [key, range] of Object.entries(doc.parsed.doc.keyRanges)) {
    if (range.start.line !== pos.line && !contains(range, pos)) continue;
    const info = FRONT_MATTER_DOCS[key];
    if (info) return { contents: { kind: "markdown", value: `**${key}** (${info.type})\n\n${info.doc}` } };
  }
  return null;
}

export function documentLinks(site: Site, doc: DocState, toUri: ToUri): DocumentLink[] {
  const out: DocumentLink[] = [];
  for (const link of doc.analysis.links) {
    const dest = destinationOf(site, doc.path, link.href);
    if (dest.target.kind === "external") {
      if (/^https?:\/\//i.test(link.href.trim())) out.push({ range: link.range, target: link.href.trim() });
      continue;
    }
    const loc = locationOf(site, dest, toUri);
    if (!loc || dest.target.kind === "anchor-only") continue;
    const line = loc.range.start.line;
    out.push({
      range: link.range,
      target: line > 0 ? `${loc.uri}#L${line + 1}` : loc.uri,
      tooltip: dest.page?.title,
    });
  }
  return out;
}

/** The heading outline, nested by level. */
export function documentSymbols(doc: DocState): DocumentSymbol[] {
  const roots: DocumentSymbol[] = [];
  const stack: Array<{ level: number; symbol: DocumentSymbol }> = [];
  doc.analysis.headings.forEach((h, i) => {
    const r = doc.analysis.headingRanges[i]!;
    const symbol: DocumentSymbol = {
      name: h.text || h.id,
      detail: `#${h.id}`,
      kind: SymbolKind.String,
      range: r.range,
      selectionRange: r.textRange,
      children: [],
    };
    while (stack.length > 0 && stack.at(-1)!.level >= h.level) stack.pop();
    (stack.at(-1)?.symbol.children ?? roots).push(symbol);
    stack.push({ level: h.level, symbol });
  });
  return roots;
}

/** Pages whose title (or path) holds the query's characters in order, case-insensitively. */
export function workspaceSymbols(sites: Iterable<Site>, query: string, toUri: ToUri): SymbolInformation[] {
  const q = query.toLowerCase();
  const matches = (s: string): boolean => {
    let i = 0;
    for (const c of s.toLowerCase()) if (c === q[i]) i++;
    return i === q.length;
  };
  const out: SymbolInformation[] = [];
  for (const site of sites) {
    for (const page of site.index.pages.values()) {
      if (page.sourcePath === null || !(matches(page.title) || matches(page.sourcePath))) continue;
      const range = site.docs.get(page.sourcePath)?.parsed.doc.keyRanges.title ?? START;
      out.push({
        name: page.title,
        kind: SymbolKind.File,
        location: { uri: toUri(join(site.root, page.sourcePath)), range },
        containerName: page.url,
      });
      if (out.length >= 500) return out;
    }
  }
  return out;
}
