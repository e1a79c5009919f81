import { contentFiles, type FileMap, sharedFiles } from "./files.ts";
import type { SiteSpec } from "./site.ts";

/** bengal.toml + content/ with the built-in default theme; every [build] default left on. */
export function bengalSite(spec: SiteSpec): FileMap {
  const files = sharedFiles(spec);
  const menu = spec.sections
    .filter((s) => !s.dir.includes("/"))
    .map(
      (s) => `[[menu.main]]\nname = ${JSON.stringify(s.title)}\nurl = "/${s.dir}/"\nweight = ${s.weight}\n`,
    );
  files.set(
    "bengal.toml",
    [
      'theme = "default"',
      "",
      "[site]",
      `title = ${JSON.stringify(spec.title)}`,
      'baseurl = "https://example.org"',
      'description = "A generated site for benchmarks."',
      'language = "en"',
      'author = "Bench"',
      "",
      ...menu,
    ].join("\n"),
  );
  return contentFiles(spec, files, true);
}
