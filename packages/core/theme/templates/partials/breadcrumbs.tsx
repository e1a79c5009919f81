/** @jsxImportSource @bengal/core */
import type { BreadcrumbsProps } from "../../../src/render/layouts/props.ts";

export default function Breadcrumbs(props: BreadcrumbsProps) {
  const crumbs = props.breadcrumbs;
  if (crumbs.length < 2) return null;
  return (
    <nav class="breadcrumbs" aria-label="Breadcrumb">
      <ol>
        {crumbs.map((crumb, i) =>
          i === crumbs.length - 1 ? (
            <li>
              <span aria-current="page">{crumb.title}</span>
            </li>
          ) : (
            <li>
              <a href={props.site.url(crumb.url)}>{crumb.title}</a>
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}
