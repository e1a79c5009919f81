import { createLineIndex, dirname, findFrontMatter, relative } from "@bengal/core/analysis";
import {
  type CompletionItem,
  CompletionItemKind,
  MarkupKind,
  type Position,
  type Range,
} from "vscode-languageserver/node";
import type { DocState } from "../workspace/doc-state.ts";
import type { Site } from "../workspace/site.ts";
import { FIELD_NAMES, FRONT_MATTER_DOCS } from "./front-matter-docs.ts";
import { destinationOf, lineOf } from "./locate.ts";

const INLINE_DEST = /(!?)\[[^\]]*\]\(\s*<?([^)\s>]*)$/;
const DEFINITION_DEST = /^\s{0,3}\[[^\]]+\]:\s*<?(\S*)$/;

export function completion(site: Site, doc: DocState, pos: Position): CompletionItem[] {
  const line = lineOf(doc.text, pos.line);
  const before = line.slice(0, pos.character);
  const block = findFrontMatter(doc.text);
  if (block.format !== "none") {
    const offset = createLineIndex(doc.text).lineStart(pos.line) + pos.character;
    if (offset >= block.rawStart && (!block.closed || offset <= block.rawEnd))
      return frontMatterItems(site, doc, pos, before);
  }
  const inline = INLINE_DEST.exec(before);
  const def = inline ? null : DEFINITION_DEST.exec(before);
  if (!inline && !def) return [];
  const partial = inline ? inline[2]! : def![1]!;
  const image = inline?.[1] === "!";
  const hash = partial.indexOf("#");
  if (hash >= 0) return headingItems(site, doc, pos, partial.slice(0, hash), partial.slice(hash + 1));
  const range: Range = { start: { line: pos.line, character: pos.character - partial.length }, end: pos };
  return targetItems(
    site,
    doc,
    range,
    image || partial.startsWith("/assets") || partial.startsWith("/static"),
  );
}

function headingItems(
  site: Site,
  doc: DocState,
  pos: Position,
  path: string,
  typed: string,
): CompletionItem[] {
  const file = path === "" ? doc.path : destinationOf(site, doc.path, path).file;
  const target = file === null ? undefined : site.docs.get(file);
  if (!target) return [];
  const range: Range = { start: { line: pos.line, character: pos.character - typed.length }, end: pos };
  return target.analysis.headings.map((h, i) => ({
    label: h.id,
    kind: CompletionItemKind.Reference,
    detail: `${"#".repeat(h.level)} ${h.text}`,
    sortText: String(i).padStart(5, "0"),
    textEdit: { range, newText: h.id },
  }));
}

function targetItems(site: Site, doc: DocState, range: Range, filesFirst: boolean): CompletionItem[] {
  const here = dirname(doc.path);
  const items: CompletionItem[] = [];
  const add = (label: string, kind: CompletionItemKind, detail: string, group: number) =>
    items.push({ label, kind, detail, sortText: `${group}${label}`, textEdit: { range, newText: label } });
  const pageGroup = filesFirst ? 3 : 1;
  for (const page of site.index.pages.values()) {
    if (page.sourcePath !== null) {
      if (page.sourcePath !== doc.path)
        add(relative(here, page.sourcePath), CompletionItemKind.File, page.title, pageGroup);
      add(page.url, CompletionItemKind.Reference, page.title, pageGroup + 1);
    } else {
      add(page.url, CompletionItemKind.Folder, page.title, pageGroup + 1);
    }
  }
  const fileGroup = filesFirst ? 1 : 3;
  for (const res of site.files.resources) add(relative(here, res), CompletionItemKind.File, res, fileGroup);
  for (const a of site.files.assets)
    add(`/assets/${a.rel}`, CompletionItemKind.File, `assets/${a.rel}`, fileGroup + 1);
  for (const s of site.files.static)
    add(`/${s.rel}`, CompletionItemKind.File, `static/${s.rel}`, fileGroup + 1);
  return items;
}

const KEY_AT_START = /^[A-Za-z_-]*$/;
const KEY_VALUE = /^([A-Za-z_-]+)\s*[:=]\s*(.*)$/;
const LIST_ITEM = /^\s*-\s*(.*)$/;

function frontMatterItems(site: Site, doc: DocState, pos: Position, before: string): CompletionItem[] {
  const toml = doc.text.startsWith("+++");
  if (KEY_AT_START.test(before)) {
    const present = new Set(Object.keys(doc.parsed.doc.keyRanges));
    return FIELD_NAMES.filter((k) => !present.has(k)).map((key) => {
      const info = FRONT_MATTER_DOCS[key]!;
      return {
        label: key,
        kind: CompletionItemKind.Property,
        detail: info.type,
        documentation: { kind: MarkupKind.Markdown, value: info.doc },
        insertText: toml ? `${key} = ` : `${key}: `,
      };
    });
  }
  let key = KEY_VALUE.exec(before)?.[1];
  if (key === undefined && LIST_ITEM.test(before)) {
    for (let l = pos.line - 1; l > 0 && key === undefined; l--)
      key = KEY_VALUE.exec(lineOf(doc.text, l))?.[1];
  }
  if (key === undefined) return [];
  const values = valuesFor(site, key);
  return values.map((v) => ({ label: v, kind: CompletionItemKind.Value }));
}

function valuesFor(site: Site, key: string): string[] {
  switch (key) {
    case "tags":
    case "categories":
      return site.index.taxonomies.find((t) => t.name === key)?.terms.map((t) => t.name) ?? [];
    case "layout":
    case "type":
      return site.layoutNames.filter((n) => !n.startsWith("partials/"));
    case "draft":
    case "toc":
      return ["true", "false"];
    default:
      return [];
  }
}
