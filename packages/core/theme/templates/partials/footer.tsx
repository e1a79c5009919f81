/** @jsxImportSource @bengal/core */
import type { LayoutProps } from "../../../src/render/layouts/props.ts";

export default function Footer(props: LayoutProps) {
  const { site } = props;
  const year = site.buildDate.getUTCFullYear();
  return (
    <footer class="site-footer">
      <div class="footer-inner">
        <p>
          © {year} {site.author || site.title}
        </p>
        <p class="footer-links">
          {site.feedUrl ? <a href={site.feedUrl}>RSS</a> : null}
          <span>
            Built with <a href="https://github.com/bengal-ssg">{site.generator}</a>
          </span>
        </p>
      </div>
    </footer>
  );
}
