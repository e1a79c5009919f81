/** @jsxImportSource @bengal/core */
import type { PageCardProps } from "../../../src/render/layouts/props.ts";

export default function PageCard(props: PageCardProps) {
  const { page, site } = props;
  const summary = site.summary(page);
  const Heading = props.level === 3 ? "h3" : "h2";
  return (
    <article class="card">
      <Heading class="card-title">
        <a href={site.url(page.url)}>{page.title}</a>
      </Heading>
      {page.date ? (
        <p class="meta">
          <time datetime={site.isoDate(page.date)}>{site.formatDate(page.date)}</time>
        </p>
      ) : null}
      {summary ? <p class="card-summary">{summary}</p> : null}
      {page.tags.length > 0 ? (
        <ul class="tags" aria-label="Tags">
          {page.tags.map((tag) => (
            <li>
              <a class="tag" href={site.url(tag.url)} rel="tag">
                #{tag.name}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
