/** @jsxImportSource @bengal/core */
import { raw } from "hono/html";
import type {
  BaseProps,
  LayoutProps,
  PageCardProps,
  PaginationProps,
} from "../../src/render/layouts/props.ts";

/** The home page: its body as an introduction, then the latest pages. */
export default function HomeLayout(props: LayoutProps) {
  const { page, site, use } = props;
  const Base = use<BaseProps>("base");
  const PageCard = use<PageCardProps>("partials/page-card");
  const Pagination = use<PaginationProps>("partials/pagination");
  const firstPager = !props.pager || props.pager.number === 1;
  const recent =
    props.items.length > 0
      ? props.items
      : site.regularPages().slice(0, site.index.config.pagination.per_page);
  return (
    <Base {...props}>
      <div class="layout-home">
        {firstPager ? (
          <section class="hero">
            <h1>{page.title || site.title}</h1>
            {props.content ? (
              <div class="prose">{raw(props.content)}</div>
            ) : site.description ? (
              <p class="lead">{site.description}</p>
            ) : null}
          </section>
        ) : null}
        {recent.length > 0 ? (
          <section class="recent" aria-labelledby="recent-title">
            <h2 id="recent-title">Recent pages</h2>
            <div class="card-list">
              {recent.map((item) => (
                <PageCard site={site} page={item} level={3} />
              ))}
            </div>
          </section>
        ) : null}
        <Pagination site={site} pager={props.pager} />
      </div>
    </Base>
  );
}
