/** The files of `bengal new site`, as path → text. Kept small: a working site to grow from. */
export function starterFiles(title: string, today: string): Record<string, string> {
  const toml = (s: string) => JSON.stringify(s);
  return {
    "bengal.toml": `theme = "default"

[site]
title = ${toml(title)}
# Absolute URL of the published site (https://example.com); "" serves it from the root.
baseurl = ""
description = ${toml(`${title}: a site built with Bengal`)}
language = "en"
author = ""

[build]
output_dir = "public"
parallel = true
pretty_urls = true
minify_assets = true
fingerprint_assets = true
generate_sitemap = true
generate_rss = true
validate_links = true
strict_mode = false
drafts = false

[pagination]
per_page = 10

[[menu.main]]
name = "Home"
url = "/"
weight = 1

[[menu.main]]
name = "Blog"
url = "/blog/"
weight = 2

[[menu.main]]
name = "About"
url = "/about/"
weight = 3
`,
    "content/_index.md": `---
title: ${JSON.stringify(title)}
description: Welcome to ${JSON.stringify(title).slice(1, -1)}.
---

# Welcome

This is the home page of your new Bengal site. Edit \`content/_index.md\` to change it.

- Read the [first post](/blog/hello-world/).
- Learn [about this site](/about/).
`,
    "content/about.md": `---
title: About
description: What this site is about.
---

Tell your readers who you are and what they will find here.
`,
    "content/blog/_index.md": `---
title: Blog
description: Posts, newest first.
---

All posts, newest first.
`,
    "content/blog/hello-world.md": `---
title: Hello, World
date: ${today}
tags: [bengal, getting-started]
description: The first post on this site.
draft: false
---

Welcome to your first post. Posts live in \`content/blog/\`; create another with:

\`\`\`sh
bunx bengal new page blog/my-second-post
\`\`\`

Code blocks are highlighted at build time:

\`\`\`ts
export function greet(name: string): string {
  return \`Hello, \${name}!\`;
}
\`\`\`

## Next steps

Edit this file, then run \`bunx bengal build\` and open \`public/index.html\`.
See the [about page](/about/) too.
`,
    "assets/css/custom.css": `/* Your styles: processed (minified, fingerprinted) with the theme's assets. */
:root {
  --accent: #d9480f;
}

a {
  color: var(--accent);
}
`,
    "static/favicon.svg": `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#d9480f"/><text x="16" y="23" font-family="sans-serif" font-size="20" font-weight="700" text-anchor="middle" fill="#fff">B</text></svg>
`,
    "templates/README.md": `# templates/

Layouts here override the theme's by file name. The theme ships layouts such as
\`base.tsx\` (the HTML shell), \`page.tsx\` (a content page), list pages, and partials under
\`partials/\`; a file with the same name here (e.g. \`templates/page.tsx\` or
\`templates/partials/header.tsx\`) replaces it everywhere, and new names can be picked per page
with \`layout:\` in front matter.

A layout is a TSX component that receives the page's props and renders synchronously:

\`\`\`tsx
import { type LayoutProps, raw } from "bengal/jsx";

export default function Page(props: LayoutProps) {
  const Base = props.use("base");
  return (
    <Base {...props}>
      <article>
        <h1>{props.page.title}</h1>
        {raw(props.content)}
      </article>
    </Base>
  );
}
\`\`\`

Leave this folder empty to use the theme as it is. Files starting with \`_\` are helpers, not layouts.
`,
    ".gitignore": `public/
.bengal/
node_modules/
`,
  };
}
