/** @jsxImportSource @bengal/core */
import type { MenuItem } from "../../../src/model/site.ts";
import type { LayoutProps, SiteView } from "../../../src/render/layouts/props.ts";

/** `"page"` when the item is this page, `"true"` when it is an ancestor section of it. */
function currentness(item: MenuItem, pageUrl: string): "page" | "true" | undefined {
  if (item.url === pageUrl) return "page";
  if (item.url !== "/" && item.url.startsWith("/") && pageUrl.startsWith(item.url)) return "true";
  if (item.children.some((c) => currentness(c, pageUrl))) return "true";
  return undefined;
}

function MenuList(props: { items: readonly MenuItem[]; site: SiteView; pageUrl: string; nested?: boolean }) {
  return (
    <ul class={props.nested ? "nav-sub" : "nav-list"}>
      {props.items.map((item) => {
        const current = currentness(item, props.pageUrl);
        return (
          <li class={current ? "nav-item active" : "nav-item"}>
            <a href={props.site.url(item.url)} aria-current={current}>
              {item.name}
            </a>
            {item.children.length > 0 ? (
              <MenuList items={item.children} site={props.site} pageUrl={props.pageUrl} nested />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

export default function Header(props: LayoutProps) {
  const { site, page } = props;
  return (
    <header class="site-header">
      <div class="header-inner">
        <a class="site-title" href={site.url("/")} aria-current={page.kind === "home" ? "page" : undefined}>
          {site.title}
        </a>
        <button class="nav-toggle" type="button" aria-controls="site-nav" aria-expanded="false">
          <span class="visually-hidden">Menu</span>
          <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22">
            <path d="M3 6h18M3 12h18M3 18h18" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
          </svg>
        </button>
        <nav id="site-nav" class="site-nav" aria-label="Main">
          <MenuList items={site.menu} site={site} pageUrl={props.url} />
        </nav>
        <button class="theme-toggle" type="button" aria-label="Toggle dark mode" title="Toggle dark mode">
          <svg class="icon-sun" aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
            <circle cx="12" cy="12" r="4.5" fill="none" stroke="currentColor" stroke-width="2" />
            <path
              d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4"
              stroke="currentColor"
              stroke-width="2"
              stroke-linecap="round"
            />
          </svg>
          <svg class="icon-moon" aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
            <path d="M20 14.5A8.5 8.5 0 0 1 9.5 4a8.5 8.5 0 1 0 10.5 10.5z" fill="currentColor" />
          </svg>
        </button>
      </div>
    </header>
  );
}
