/**
 * The path a diagnostic names: site-relative when the source is inside the site; the
 * built-in theme lives outside any site, so its files keep their absolute path.
 */
export function displayPath(siteRoot: string, source: string): string {
  const root = siteRoot.endsWith("/") ? siteRoot : `${siteRoot}/`;
  return source.startsWith(root) ? source.slice(root.length) : source;
}
