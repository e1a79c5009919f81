import {
  closest,
  type FrontMatter,
  isContentFile,
  join,
  pageUrl,
  resolveLink,
  suggestAnchor,
  suggestPage,
  titleFromFileName,
} from "@bengal/core/analysis";
import {
  type CodeAction,
  CodeActionKind,
  type Diagnostic as LspDiagnostic,
  type Range,
  type WorkspaceEdit,
} from "vscode-languageserver/node";
import type { DocState } from "../workspace/doc-state.ts";
import type { Site } from "../workspace/site.ts";
import { FIELD_NAMES } from "./front-matter-docs.ts";
import { destinationOf, lineOf, splitHref, textAt } from "./locate.ts";

type ToUri = (path: string) => string;

const sameRange = (a: Range, b: Range): boolean =>
  a.start.line === b.start.line &&
  a.start.character === b.start.character &&
  a.end.line === b.end.line &&
  a.end.character === b.end.character;

export function codeActions(
  site: Site,
  doc: DocState,
  diagnostics: readonly LspDiagnostic[],
  toUri: ToUri,
): CodeAction[] {
  const uri = toUri(join(site.root, doc.path));
  const out: CodeAction[] = [];
  const fix = (title: string, diagnostic: LspDiagnostic, edit: WorkspaceEdit, preferred = false): void => {
    out.push({
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit,
      isPreferred: preferred,
    });
  };
  const replace = (range: Range, newText: string): WorkspaceEdit => ({
    changes: { [uri]: [{ range, newText }] },
  });
  for (const d of diagnostics) {
    if (d.source !== "bengal") continue;
    switch (d.code) {
      case "link.no-such-page":
      case "link.no-such-anchor": {
        const link = doc.analysis.links.find((l) => sameRange(l.range, d.range));
        if (!link || textAt(doc.text, link.range) !== link.href) break;
        const { path, fragment } = splitHref(link.href);
        const target = resolveLink(site.index, doc.path, link.href, site.fileSet);
        if (target.kind === "missing-page") {
          const better = suggestPage(site.index, doc.path, target.path);
          if (better !== null) {
            const range = {
              start: link.range.start,
              end: { ...link.range.start, character: link.range.start.character + path.length },
            };
            fix(`Change to ${better}`, d, replace(range, better), true);
          }
          const create = newPagePath(site, target.path);
          if (create !== null) fix(`Create ${create}`, d, createPage(toUri(join(site.root, create)), create));
        } else if (fragment !== null) {
          const file = path === "" ? doc.path : destinationOf(site, doc.path, path).file;
          const ids = file === null ? undefined : site.anchorsOf(file);
          const id = ids ? suggestAnchor(ids, decodeURIComponent(fragment)) : null;
          if (id !== null) {
            const range = {
              start: { ...link.range.end, character: link.range.end.character - fragment.length },
              end: link.range.end,
            };
            fix(`Change to #${id}`, d, replace(range, id), true);
          }
        }
        break;
      }
      case "frontmatter.missing-title":
        fix("Add a title", d, { changes: { [uri]: [addTitle(doc)] } }, true);
        break;
      case "frontmatter.unknown-key": {
        const key = Object.entries(doc.parsed.doc.keyRanges).find(([, r]) => sameRange(r, d.range))?.[0];
        if (key === undefined) break;
        const line = lineOf(doc.text, d.range.start.line);
        const at = line.indexOf(key);
        const known = closest(key, FIELD_NAMES);
        if (known !== null && at >= 0) {
          const range = {
            start: { line: d.range.start.line, character: at },
            end: { line: d.range.start.line, character: at + key.length },
          };
          fix(`Rename to ${known}`, d, replace(range, known), true);
        }
        const lines = {
          start: { line: d.range.start.line, character: 0 },
          end: { line: d.range.end.line + 1, character: 0 },
        };
        fix(`Remove ${key}`, d, replace(lines, ""));
        break;
      }
    }
  }
  return out;
}

/** The content file that would give a missing link target: the `.md` path itself, or the file whose URL it is. */
function newPagePath(site: Site, missing: string): string | null {
  if (missing.startsWith("content/") && isContentFile(missing)) return missing;
  if (!missing.startsWith("/")) return null;
  const stem = missing.replace(/\/+$/, "").replace(/\.html?$/, "");
  if (stem === "") return null;
  const none: Pick<FrontMatter, "slug" | "url"> = {};
  for (const candidate of [`content${stem}.md`, `content${stem}/index.md`]) {
    const url = pageUrl(candidate, none, site.config);
    if (url === missing || url === `${missing}/` || url.replace(/\/$/, "") === missing) return candidate;
  }
  return null;
}

function createPage(uri: string, path: string): WorkspaceEdit {
  const title = JSON.stringify(titleFromFileName(path));
  return {
    documentChanges: [
      { kind: "create", uri, options: { ignoreIfExists: true } },
      {
        textDocument: { uri, version: null },
        edits: [
          {
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            newText: `---\ntitle: ${title}\n---\n\n`,
          },
        ],
      },
    ],
  };
}

function addTitle(doc: DocState): { range: Range; newText: string } {
  const title = JSON.stringify(titleFromFileName(doc.path));
  const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 0 } });
  switch (doc.parsed.doc.format) {
    case "yaml":
      return { range: at(1), newText: `title: ${title}\n` };
    case "toml":
      return { range: at(1), newText: `title = ${title}\n` };
    default:
      return { range: at(0), newText: `---\ntitle: ${title}\n---\n\n` };
  }
}
