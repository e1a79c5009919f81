/** @jsxImportSource @bengal/core */
import { raw } from "hono/html";
import type {
  BaseProps,
  BreadcrumbsProps,
  LayoutProps,
  TagsProps,
  TocProps,
} from "../../src/render/layouts/props.ts";

/** A regular content page: title, meta, optional TOC sidebar, body, neighbours. */
export default function PageLayout(props: LayoutProps) {
  const { page, site, use, prev, next } = props;
  const Base = use<BaseProps>("base");
  const Breadcrumbs = use<BreadcrumbsProps>("partials/breadcrumbs");
  const Tags = use<TagsProps>("partials/tags");
  const Toc = use<TocProps>("partials/toc");
  const showToc = page.toc && props.toc.length > 0;
  return (
    <Base {...props}>
      <div class={showToc ? "layout-page has-toc" : "layout-page"}>
        {showToc ? (
          <aside class="toc-sidebar">
            <Toc toc={props.toc} />
          </aside>
        ) : null}
        <article class="article">
          <Breadcrumbs site={site} breadcrumbs={props.breadcrumbs} />
          <header class="article-header">
            <h1 class="article-title">{page.title}</h1>
            {page.date || props.readingTime > 0 ? (
              <p class="meta">
                {page.date ? (
                  <time datetime={site.isoDate(page.date)}>{site.formatDate(page.date)}</time>
                ) : null}
                {page.date && props.readingTime > 0 ? <span aria-hidden="true"> · </span> : null}
                {props.readingTime > 0 ? (
                  <span class="reading-time">{props.readingTime} min read</span>
                ) : null}
                {page.lastmod && (!page.date || page.lastmod.getTime() !== page.date.getTime()) ? (
                  <span class="lastmod">
                    {" "}
                    · Updated{" "}
                    <time datetime={site.isoDate(page.lastmod)}>{site.formatDate(page.lastmod)}</time>
                  </span>
                ) : null}
              </p>
            ) : null}
            {page.categories.length > 0 ? (
              <p class="categories">
                {page.categories.map((c, i) => (
                  <>
                    {i > 0 ? ", " : null}
                    <a href={site.url(c.url)}>{c.name}</a>
                  </>
                ))}
              </p>
            ) : null}
            <Tags site={site} tags={page.tags} />
          </header>
          <div class="prose">{raw(props.content)}</div>
          {prev || next ? (
            <nav class="page-nav" aria-label="More pages">
              {prev ? (
                <a class="page-nav-prev" href={site.url(prev.url)} rel="prev">
                  <span class="page-nav-label">← Previous</span>
                  <span class="page-nav-title">{prev.title}</span>
                </a>
              ) : (
                <span />
              )}
              {next ? (
                <a class="page-nav-next" href={site.url(next.url)} rel="next">
                  <span class="page-nav-label">Next →</span>
                  <span class="page-nav-title">{next.title}</span>
                </a>
              ) : null}
            </nav>
          ) : null}
        </article>
      </div>
    </Base>
  );
}
