/** @jsxImportSource @bengal/core */
import type { PaginationProps } from "../../../src/render/layouts/props.ts";

/** Page numbers to show: first, last, and two either side of the current one; 0 marks a gap. */
function pageWindow(current: number, total: number): number[] {
  const shown: number[] = [];
  for (let n = 1; n <= total; n++) {
    if (n === 1 || n === total || Math.abs(n - current) <= 2) shown.push(n);
    else if (shown[shown.length - 1] !== 0) shown.push(0);
  }
  return shown;
}

export default function Pagination(props: PaginationProps) {
  const { pager, site } = props;
  if (!pager || pager.total < 2) return null;
  return (
    <nav class="pagination" aria-label="Pagination">
      {pager.prevUrl ? (
        <a class="pagination-prev" href={site.url(pager.prevUrl)} rel="prev">
          ← Newer
        </a>
      ) : (
        <span class="pagination-prev disabled">← Newer</span>
      )}
      <ol class="pagination-pages">
        {pageWindow(pager.number, pager.total).map((n) =>
          n === 0 ? (
            <li class="gap">…</li>
          ) : n === pager.number ? (
            <li>
              <span aria-current="page">{n}</span>
            </li>
          ) : (
            <li>
              <a href={site.url(pager.urls[n - 1] ?? "/")}>{n}</a>
            </li>
          ),
        )}
      </ol>
      {pager.nextUrl ? (
        <a class="pagination-next" href={site.url(pager.nextUrl)} rel="next">
          Older →
        </a>
      ) : (
        <span class="pagination-next disabled">Older →</span>
      )}
    </nav>
  );
}
