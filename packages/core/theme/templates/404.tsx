/** @jsxImportSource @bengal/core */
import { raw } from "hono/html";
import type { BaseProps, LayoutProps } from "../../src/render/layouts/props.ts";

export default function NotFoundLayout(props: LayoutProps) {
  const { page, site, use } = props;
  const Base = use<BaseProps>("base");
  return (
    <Base {...props}>
      <div class="layout-404">
        <p class="error-code" aria-hidden="true">
          404
        </p>
        <h1>{page.title || "Page not found"}</h1>
        {props.content ? (
          <div class="prose">{raw(props.content)}</div>
        ) : (
          <p class="lead">The page you are looking for does not exist or has moved.</p>
        )}
        <p>
          <a class="button" href={site.url("/")}>
            Back to the home page
          </a>
        </p>
      </div>
    </Base>
  );
}
