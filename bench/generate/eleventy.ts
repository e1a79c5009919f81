import { contentFiles, type FileMap, sharedFiles } from "./files.ts";
import type { SiteSpec } from "./site.ts";

// Eleventy has no sections, list pagination per tag, RSS or sitemap of its own: a collection
// of list pages (home, sections, tags, 10 a page) and two small templates stand in for them.
const CONFIG = `import { readFileSync } from "node:fs";
import syntaxHighlight from "@11ty/eleventy-plugin-syntaxhighlight";

const site = JSON.parse(readFileSync(new URL("./_data/site.json", import.meta.url), "utf8"));
const PER_PAGE = 10;
const parentOf = (url) => url.replace(/[^/]+\\/$/, "");

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(syntaxHighlight);
  eleventyConfig.addPassthroughCopy({ static: "/", assets: "assets" });
  eleventyConfig.addCollection("posts", (api) =>
    api.getFilteredByGlob("content/area-*/**/*.md").sort((a, b) => b.date - a.date || (a.url < b.url ? -1 : 1)),
  );
  eleventyConfig.addCollection("lists", (api) => {
    const posts = api
      .getFilteredByGlob("content/area-*/**/*.md")
      .sort((a, b) => b.date - a.date || (a.url < b.url ? -1 : 1));
    const lists = [];
    const add = (url, title, items, children = []) => {
      const total = Math.max(1, Math.ceil(items.length / PER_PAGE));
      for (let n = 1; n <= total; n++) {
        const pageUrl = n === 1 ? url : \`\${url}page/\${n}/\`;
        const items_ = items.slice((n - 1) * PER_PAGE, n * PER_PAGE);
        lists.push({ url: pageUrl, base: url, title, n, total, items: items_, children });
      }
    };
    add("/", site.title, posts);
    for (const s of site.sections) {
      const url = \`/\${s.dir}/\`;
      const children = site.sections.filter((c) => parentOf(\`/\${c.dir}/\`) === url);
      add(url, s.title, posts.filter((p) => parentOf(p.url) === url), children.map((c) => ({ url: \`/\${c.dir}/\`, title: c.title })));
    }
    const tags = new Map();
    for (const p of posts) for (const t of p.data.tags ?? []) tags.set(t, [...(tags.get(t) ?? []), p]);
    const names = [...tags.keys()].sort();
    for (const t of names) add(\`/tags/\${t}/\`, t, tags.get(t));
    add("/tags/", "Tags", [], names.map((t) => ({ url: \`/tags/\${t}/\`, title: t })));
    return lists;
  });
  return {
    dir: { input: "content", includes: "../layouts", data: "../_data", output: "public" },
    markdownTemplateEngine: false,
    htmlTemplateEngine: false,
  };
}
`;

const ESCAPE = `export const esc = (s) =>
  String(s ?? "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
export const day = (d) => new Date(d).toISOString().slice(0, 10);
`;

const BASE = `import { esc } from "./escape.js";

export default function (data) {
  const menu = data.site.sections.filter((s) => !s.dir.includes("/"));
  const title = data.page.url === "/" ? data.site.title : \`\${esc(data.title)} · \${esc(data.site.title)}\`;
  return \`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>\${title}</title>
<meta name="description" content="\${esc(data.description ?? data.site.description)}">
<link rel="canonical" href="https://example.org\${data.page.url}">
<link rel="alternate" type="application/rss+xml" href="/feed.xml">
<link rel="stylesheet" href="/assets/css/custom.css">
<script src="/assets/js/custom.js" defer></script>
</head>
<body>
<header><a href="/">\${esc(data.site.title)}</a>
<nav>\${menu.map((s) => \`<a href="/\${s.dir}/">\${esc(s.title)}</a>\`).join(" ")}</nav></header>
<main>\${data.content}</main>
<footer>\${esc(data.site.title)}</footer>
</body>
</html>\`;
}
`;

const PAGE = `import { day, esc } from "./escape.js";

export const data = { layout: "base.11ty.js" };

export default function (data) {
  const tags = (data.tags ?? []).map((t) => \`<li><a href="/tags/\${t}/">\${esc(t)}</a></li>\`).join("");
  return \`<article>
<h1>\${esc(data.title)}</h1>
<p><time>\${day(data.page.date)}</time></p>
\${data.content}
<ul class="tags">\${tags}</ul>
</article>\`;
}
`;

const LISTS = `import { day, esc } from "../../layouts/escape.js";

export const data = {
  layout: "base.11ty.js",
  eleventyExcludeFromCollections: true,
  pagination: { data: "collections.lists", size: 1, alias: "list" },
  permalink: (data) => data.list.url,
  eleventyComputed: { title: (data) => data.list.title },
};

export default function ({ list }) {
  const children = list.children.map((c) => \`<li><a href="\${c.url}">\${esc(c.title)}</a></li>\`).join("");
  const cards = list.items
    .map((p) => \`<li><a href="\${p.url}">\${esc(p.data.title)}</a> <time>\${day(p.date)}</time><p>\${esc(p.data.description)}</p></li>\`)
    .join("");
  const prev = list.n > 1 ? \`<a href="\${list.n === 2 ? list.base : \`\${list.base}page/\${list.n - 1}/\`}">Newer</a>\` : "";
  const next = list.n < list.total ? \`<a href="\${list.base}page/\${list.n + 1}/">Older</a>\` : "";
  return \`<h1>\${esc(list.title)}</h1><ul>\${children}</ul><ul class="cards">\${cards}</ul><nav>\${prev} \${next}</nav>\`;
}
`;

const FEED = `import { esc } from "../../layouts/escape.js";

export const data = { permalink: "/feed.xml", layout: false, eleventyExcludeFromCollections: true };

export default function (data) {
  const items = data.collections.posts
    .slice(0, 20)
    .map((p) => \`<item><title>\${esc(p.data.title)}</title><link>https://example.org\${p.url}</link><guid>https://example.org\${p.url}</guid><pubDate>\${p.date.toUTCString()}</pubDate><description>\${esc(p.data.description)}</description></item>\`)
    .join("\\n");
  return \`<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>\${esc(data.site.title)}</title><link>https://example.org/</link><description>\${esc(data.site.description)}</description>
\${items}
</channel></rss>\`;
}
`;

const SITEMAP = `export const data = { permalink: "/sitemap.xml", layout: false, eleventyExcludeFromCollections: true };

export default function (data) {
  const urls = [...data.collections.all.map((p) => p.url), ...data.collections.lists.map((l) => l.url)]
    .sort()
    .map((u) => \`<url><loc>https://example.org\${u}</loc></url>\`)
    .join("\\n");
  return \`<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
\${urls}
</urlset>\`;
}
`;

/** eleventy.config.js + layouts/ + content/ (no `_index.md`: list pages come from a collection). */
export function eleventySite(spec: SiteSpec): FileMap {
  const files = sharedFiles(spec);
  const site = {
    title: spec.title,
    description: "A generated site for benchmarks.",
    sections: spec.sections.map((s) => ({ dir: s.dir, title: s.title })),
  };
  files.set("package.json", `${JSON.stringify({ private: true, type: "module" }, null, 2)}\n`);
  files.set("eleventy.config.js", CONFIG);
  files.set("_data/site.json", `${JSON.stringify(site, null, 2)}\n`);
  files.set("layouts/escape.js", ESCAPE);
  files.set("layouts/base.11ty.js", BASE);
  files.set("layouts/page.11ty.js", PAGE);
  files.set("content/content.11tydata.json", `${JSON.stringify({ layout: "page.11ty.js" })}\n`);
  files.set("content/_bench/lists.11ty.js", LISTS);
  files.set("content/_bench/feed.11ty.js", FEED);
  files.set("content/_bench/sitemap.11ty.js", SITEMAP);
  return contentFiles(spec, files, false);
}
