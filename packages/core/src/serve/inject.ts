/**
 * Puts `snippet` just before `</body>` (or `</html>`, or at the end), so it runs once the
 * page's content exists. Only the dev server calls this; built files never contain it.
 */
export function injectBeforeBodyEnd(html: string, snippet: string): string {
  const lower = html.toLowerCase();
  for (const tag of ["</body>", "</html>"]) {
    const at = lower.lastIndexOf(tag);
    if (at >= 0) return html.slice(0, at) + snippet + html.slice(at);
  }
  return html + snippet;
}
