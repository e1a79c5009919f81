import { basename, dirname } from "../host/path.ts";

const MARKDOWN_EXT = /\.(md|markdown)$/i;

/**
 * The title a page gets when its front matter has none: `getting-started.md` → "Getting Started";
 * `index.md` / `_index.md` take their folder's name; the content root is "Home".
 */
export function titleFromFileName(path: string): string {
  const file = basename(path);
  let stem = file.replace(MARKDOWN_EXT, "").replace(/\.[^.]+$/, "");
  if (stem === "index" || stem === "_index") {
    const dir = dirname(path);
    const folder = dir === "." || dir === "/" ? "" : basename(dir);
    if (folder === "" || (folder === "content" && dirname(dir) === ".")) return "Home";
    stem = folder;
  }
  const words = stem.split(/[-_\s]+/).filter(Boolean);
  if (words.length === 0) return "Home";
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(" ");
}
