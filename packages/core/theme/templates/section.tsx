/** @jsxImportSource @bengal/core */
import { raw } from "hono/html";
import type {
  BaseProps,
  BreadcrumbsProps,
  LayoutProps,
  PageCardProps,
  PaginationProps,
} from "../../src/render/layouts/props.ts";

/** A section's list page: its own body, child sections, then its pages, paginated. */
export default function SectionLayout(props: LayoutProps) {
  const { page, site, use } = props;
  const Base = use<BaseProps>("base");
  const Breadcrumbs = use<BreadcrumbsProps>("partials/breadcrumbs");
  const PageCard = use<PageCardProps>("partials/page-card");
  const Pagination = use<PaginationProps>("partials/pagination");
  const firstPager = !props.pager || props.pager.number === 1;
  return (
    <Base {...props}>
      <div class="layout-list">
        <Breadcrumbs site={site} breadcrumbs={props.breadcrumbs} />
        <header class="list-header">
          <h1>{page.title}</h1>
          {page.description ? <p class="lead">{page.description}</p> : null}
        </header>
        {firstPager && props.content ? <div class="prose">{raw(props.content)}</div> : null}
        {firstPager && props.subsections.length > 0 ? (
          <section class="subsections" aria-labelledby="subsections-title">
            <h2 id="subsections-title" class="visually-hidden">
              Sections
            </h2>
            <ul class="card-grid">
              {props.subsections.map((s) => (
                <li class="card">
                  <h3 class="card-title">
                    <a href={site.url(s.url)}>{s.title}</a>
                  </h3>
                  <p class="meta">
                    {s.pageIds.length} {s.pageIds.length === 1 ? "page" : "pages"}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {props.items.length > 0 ? (
          <div class="card-list">
            {props.items.map((item) => (
              <PageCard site={site} page={item} />
            ))}
          </div>
        ) : props.subsections.length === 0 ? (
          <p class="empty">Nothing here yet.</p>
        ) : null}
        <Pagination site={site} pager={props.pager} />
      </div>
    </Base>
  );
}
