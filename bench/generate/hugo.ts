import { contentFiles, type FileMap, sharedFiles } from "./files.ts";
import type { SiteSpec } from "./site.ts";

// Minimal layouts doing what Bengal's default theme does: TOC, tags, prev/next, paginated
// lists, minified and fingerprinted CSS/JS. Chroma highlighting, RSS and sitemap are Hugo's defaults.
const BASEOF = `<!doctype html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} · {{ site.Title }}{{ end }}</title>
<meta name="description" content="{{ with .Description }}{{ . }}{{ else }}{{ site.Params.description }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}">{{ end }}
{{ with resources.Get "css/custom.css" | minify | fingerprint }}<link rel="stylesheet" href="{{ .RelPermalink }}">{{ end }}
{{ with resources.Get "js/custom.js" | minify | fingerprint }}<script src="{{ .RelPermalink }}" defer></script>{{ end }}
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ site.Title }}</a>
<nav>{{ range site.Menus.main }}<a href="{{ .URL }}">{{ .Name }}</a> {{ end }}</nav></header>
<main>{{ block "main" . }}{{ end }}</main>
<footer>{{ site.Title }}</footer>
</body>
</html>
`;

const SINGLE = `{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
<p><time>{{ .Date.Format "2006-01-02" }}</time> · {{ .ReadingTime }} min read</p>
<nav class="toc">{{ .TableOfContents }}</nav>
{{ .Content }}
<ul class="tags">{{ range .GetTerms "tags" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
<nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }} {{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
</article>{{ end }}
`;

const LIST = `{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
{{ $pages := .Pages }}{{ if .IsHome }}{{ $pages = site.RegularPages }}{{ end }}
{{ $pager := .Paginate $pages }}
<ul class="cards">{{ range $pager.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ if not .Date.IsZero }} <time>{{ .Date.Format "2006-01-02" }}</time>{{ end }}{{ with .Description }}<p>{{ . }}</p>{{ end }}</li>{{ end }}</ul>
{{ template "_internal/pagination.html" . }}
{{ end }}
`;

export function hugoSite(spec: SiteSpec): FileMap {
  const files = sharedFiles(spec);
  const menu = spec.sections
    .filter((s) => !s.dir.includes("/"))
    .map(
      (s) => `[[menu.main]]\nname = ${JSON.stringify(s.title)}\nurl = "/${s.dir}/"\nweight = ${s.weight}\n`,
    );
  files.set(
    "hugo.toml",
    [
      'baseURL = "https://example.org/"',
      `title = ${JSON.stringify(spec.title)}`,
      'languageCode = "en"',
      "paginate = 10",
      // Bengal and Eleventy publish every page whatever its date; so must Hugo.
      "buildFuture = true",
      "",
      "[params]",
      'description = "A generated site for benchmarks."',
      "",
      "[markup.highlight]",
      "codeFences = true",
      "noClasses = true",
      "",
      "[markup.tableOfContents]",
      "startLevel = 2",
      "endLevel = 4",
      "",
      ...menu,
    ].join("\n"),
  );
  files.set("layouts/_default/baseof.html", BASEOF);
  files.set("layouts/_default/single.html", SINGLE);
  files.set("layouts/_default/list.html", LIST);
  return contentFiles(spec, files, true);
}
