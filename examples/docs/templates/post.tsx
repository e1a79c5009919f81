/** @jsxImportSource hono/jsx */

import type { BaseProps, BreadcrumbsProps, LayoutProps, TagsProps } from "bengal/jsx";
import { raw } from "hono/html";

/** Blog posts (`type: post`): the theme's page without a TOC, with newer/older links and an edit link. */
export default function Post(props: LayoutProps) {
  const { page, site, content, readingTime, prev, next, use } = props;
  const Base = use<BaseProps>("base");
  const Breadcrumbs = use<BreadcrumbsProps>("partials/breadcrumbs");
  const Tags = use<TagsProps>("partials/tags");
  const repo = typeof site.params.repo === "string" ? site.params.repo : null;
  return (
    <Base {...props}>
      <article class="article post">
        <Breadcrumbs site={site} breadcrumbs={props.breadcrumbs} />
        <header class="article-header">
          <h1 class="article-title">{page.title}</h1>
          <p class="meta">
            {page.date ? <time datetime={site.isoDate(page.date)}>{site.formatDate(page.date)}</time> : null}
            {page.date ? " · " : null}
            {readingTime} min read
          </p>
          <Tags site={site} tags={page.tags} />
        </header>
        <div class="prose">{raw(content)}</div>
        {repo && page.sourcePath ? (
          <p class="edit-link">
            <a href={`${repo}/blob/main/examples/docs/${page.sourcePath}`}>Edit this post</a>
          </p>
        ) : null}
        <nav class="page-nav" aria-label="More posts">
          {prev ? (
            <a class="page-nav-prev" href={site.url(prev.url)} rel="prev">
              <span class="page-nav-label">← Newer</span>
              <span class="page-nav-title">{prev.title}</span>
            </a>
          ) : (
            <span />
          )}
          {next ? (
            <a class="page-nav-next" href={site.url(next.url)} rel="next">
              <span class="page-nav-label">Older →</span>
              <span class="page-nav-title">{next.title}</span>
            </a>
          ) : null}
        </nav>
      </article>
    </Base>
  );
}
