import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A site of `pages` pages in √pages sections: YAML front matter with a date and tags, two headings,
 * a relative link with an anchor, a site-root link and a long paragraph, like a typical docs page.
 */
export function writeBenchSite(root: string, pages: number): void {
  const sections = Math.max(1, Math.round(Math.sqrt(pages)));
  const perSection = Math.ceil(pages / sections);
  writeFileSync(join(root, "bengal.toml"), "[site]\ntitle = 'bench'\n");
  for (let s = 0; s < sections; s++) {
    mkdirSync(join(root, `content/s${s}`), { recursive: true });
    for (let p = 0; p < perSection; p++) {
      const next = `../s${(s + 1) % sections}/p${p}.md#intro`;
      const body = `---\ntitle: Page ${s}-${p}\ndate: 2024-01-0${(p % 9) + 1}\ntags: [t${p % 20}, all]\n---\n\n## Intro\n\nA [link](${next}) and [another](/s${s}/p${(p + 1) % perSection}/).\n\n## More\n\n${"Lorem ipsum dolor sit amet. ".repeat(40)}\n`;
      writeFileSync(join(root, `content/s${s}/p${p}.md`), body);
    }
  }
}
