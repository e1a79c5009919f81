/** @jsxImportSource @bengal/core */
import { raw } from "hono/html";
import type { BaseProps, LayoutProps } from "../../src/render/layouts/props.ts";

// Runs before first paint so a stored dark/light choice never flashes the other scheme.
const THEME_INIT = `(function(){try{var t=localStorage.getItem("bengal-theme");if(t==="dark"||t==="light")document.documentElement.setAttribute("data-theme",t)}catch(e){}})();`;

/** The HTML shell around every page: head metadata, header, main, footer. */
export default function Base(props: BaseProps) {
  const { page, site, use } = props;
  const Header = use<LayoutProps>("partials/header");
  const Footer = use<LayoutProps>("partials/footer");
  const isHome = page.kind === "home";
  const title =
    isHome || !page.title || page.title === site.title ? site.title : `${page.title} · ${site.title}`;
  const description = page.description || page.summary || site.description;
  const ogType = page.kind === "page" ? "article" : "website";
  return (
    <html lang={site.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {description ? <meta name="description" content={description} /> : null}
        {site.author ? <meta name="author" content={site.author} /> : null}
        <meta name="generator" content={site.generator} />
        <link rel="canonical" href={props.permalink} />
        <meta property="og:title" content={page.title || site.title} />
        {description ? <meta property="og:description" content={description} /> : null}
        <meta property="og:type" content={ogType} />
        <meta property="og:url" content={props.permalink} />
        <meta property="og:site_name" content={site.title} />
        {page.kind === "page" && page.date ? (
          <meta property="article:published_time" content={site.isoDate(page.date)} />
        ) : null}
        <meta name="twitter:card" content="summary" />
        <meta name="twitter:title" content={page.title || site.title} />
        {description ? <meta name="twitter:description" content={description} /> : null}
        {site.feedUrl ? (
          <link rel="alternate" type="application/rss+xml" title={site.title} href={site.feedUrl} />
        ) : null}
        <meta name="color-scheme" content="light dark" />
        <link rel="icon" href={site.url("/favicon.svg")} type="image/svg+xml" />
        <link rel="stylesheet" href={site.asset("css/style.css")} />
        {site.hasAsset("css/custom.css") && <link rel="stylesheet" href={site.asset("css/custom.css")} />}
        <script>{raw(THEME_INIT)}</script>
        <script src={site.asset("js/theme.js")} defer />
        {site.hasAsset("js/custom.js") && <script src={site.asset("js/custom.js")} defer />}
      </head>
      <body class={`kind-${page.kind}`}>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <Header {...props} />
        <main id="main" class="site-main">
          {props.children}
        </main>
        <Footer {...props} />
      </body>
    </html>
  );
}
