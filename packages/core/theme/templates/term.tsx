/** @jsxImportSource @bengal/core */
import type {
  BaseProps,
  BreadcrumbsProps,
  LayoutProps,
  PageCardProps,
  PaginationProps,
} from "../../src/render/layouts/props.ts";

/** Pages carrying one term (`/tags/<slug>/`), paginated. */
export default function TermLayout(props: LayoutProps) {
  const { page, site, use, term } = props;
  const Base = use<BaseProps>("base");
  const Breadcrumbs = use<BreadcrumbsProps>("partials/breadcrumbs");
  const PageCard = use<PageCardProps>("partials/page-card");
  const Pagination = use<PaginationProps>("partials/pagination");
  const total = props.pager?.totalItems ?? term?.pageIds.length ?? props.items.length;
  return (
    <Base {...props}>
      <div class="layout-list">
        <Breadcrumbs site={site} breadcrumbs={props.breadcrumbs} />
        <header class="list-header">
          <h1>{page.title}</h1>
          <p class="meta">
            {total} {total === 1 ? "page" : "pages"}
          </p>
        </header>
        <div class="card-list">
          {props.items.map((item) => (
            <PageCard site={site} page={item} />
          ))}
        </div>
        <Pagination site={site} pager={props.pager} />
      </div>
    </Base>
  );
}
