/** @jsxImportSource @bengal/core */
import type { BaseProps, BreadcrumbsProps, LayoutProps } from "../../src/render/layouts/props.ts";

/** All terms of a taxonomy (`/tags/`) with how many pages carry each. */
export default function TaxonomyLayout(props: LayoutProps) {
  const { page, site, use, taxonomy } = props;
  const Base = use<BaseProps>("base");
  const Breadcrumbs = use<BreadcrumbsProps>("partials/breadcrumbs");
  const terms = taxonomy?.terms ?? [];
  return (
    <Base {...props}>
      <div class="layout-list">
        <Breadcrumbs site={site} breadcrumbs={props.breadcrumbs} />
        <header class="list-header">
          <h1>{page.title}</h1>
          <p class="meta">
            {terms.length} {terms.length === 1 ? "term" : "terms"}
          </p>
        </header>
        {terms.length > 0 ? (
          <ul class="term-list">
            {terms.map((term) => (
              <li>
                <a class="tag" href={site.url(term.url)}>
                  {term.name}
                  <span class="count">{term.pageIds.length}</span>
                  <span class="visually-hidden"> pages</span>
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">Nothing here yet.</p>
        )}
      </div>
    </Base>
  );
}
