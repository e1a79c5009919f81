import * as path from "node:path";

export const CONFIG_NAMES = ["bengal.toml", "bengal.yaml", "bengal.yml"] as const;

/**
 * The site a command acts on: the one whose folder holds the active file (deepest wins), else
 * the shallowest site (the workspace's main one). `configFiles` are absolute config paths.
 */
export function pickSiteRoot(configFiles: readonly string[], activeFile: string | undefined): string | null {
  const roots = [...new Set(configFiles.map((f) => path.dirname(f)))];
  if (roots.length === 0) return null;
  if (activeFile) {
    const holding = roots
      .filter((r) => activeFile.startsWith(r + path.sep))
      .sort((a, b) => b.length - a.length);
    if (holding[0]) return holding[0];
  }
  return [...roots].sort(
    (a, b) => a.split(path.sep).length - b.split(path.sep).length || (a < b ? -1 : 1),
  )[0]!;
}

/** A title as a file name: `Hello, World!` → `hello-world`. */
export function slugify(title: string): string {
  return (
    title
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "") || "page"
  );
}

/** Section folders (POSIX, relative to content/) to offer, top level first. */
export function sectionChoices(contentDirs: readonly string[]): string[] {
  const cleaned = contentDirs.map((d) => d.replace(/\\/g, "/").replace(/^\/+|\/+$/g, "")).filter(Boolean);
  return ["", ...[...new Set(cleaned)].sort()];
}

/** The `bengal new page` path for a section and title: `blog` + `My Post` → `blog/my-post`. */
export function newPagePath(section: string, title: string): string {
  const slug = slugify(title);
  return section ? `${section}/${slug}` : slug;
}
