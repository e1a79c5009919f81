import { codeBlock, LANGUAGES } from "./code.ts";
import { createRng, type Rng } from "./prng.ts";
import { paragraph, sentence, TAGS, title, words } from "./words.ts";

/** The generator-neutral site: every writer renders exactly this content. */
export interface SiteSpec {
  readonly title: string;
  readonly sections: readonly SectionSpec[];
  readonly pages: readonly PageSpec[];
  /** PNG figures, written to static/images/figure-<i>.png. */
  readonly images: number;
}

export interface SectionSpec {
  /** Folder under content/, e.g. `area-02/topic-1`. */
  readonly dir: string;
  readonly title: string;
  readonly weight: number;
}

export interface PageSpec {
  /** Path under content/, e.g. `area-02/topic-1/page-00042.md`. */
  readonly path: string;
  readonly url: string;
  readonly title: string;
  readonly date: string;
  readonly tags: readonly string[];
  readonly description: string;
  /** The `##` headings in order; links to `url#slug(headings[i])` are valid. */
  readonly headings: readonly string[];
  readonly body: string;
}

export interface GenerateOptions {
  readonly pages: number;
  readonly seed?: number;
}

const SUBSECTIONS = 3;
const PAGES_PER_AREA = 250;
export const IMAGES = 8;

/** GitHub/Goldmark heading slug for our ASCII word headings. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, "")
    .replace(/ /g, "-");
}

function sections(rng: Rng, pageCount: number): SectionSpec[] {
  const areas = Math.max(2, Math.ceil(pageCount / PAGES_PER_AREA));
  const out: SectionSpec[] = [];
  for (let a = 1; a <= areas; a++) {
    const area = `area-${String(a).padStart(2, "0")}`;
    out.push({ dir: area, title: title(rng, 2), weight: a });
    for (let t = 1; t <= SUBSECTIONS; t++) {
      out.push({ dir: `${area}/topic-${t}`, title: title(rng, 2), weight: t });
    }
  }
  return out;
}

/** About a page a day from 1995: every date is in the past even at 10,000 pages (Hugo leaves out future-dated pages). */
function date(rng: Rng, i: number): string {
  const day = new Date(Date.UTC(1995, 0, 1) + (i + rng.int(0, 1)) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

/** Page shells first (paths, titles, headings), so bodies can link to any page's anchors. */
function shells(rng: Rng, count: number, secs: readonly SectionSpec[]) {
  return Array.from({ length: count }, (_, i) => {
    const dir = secs[i % secs.length]!.dir;
    const name = `page-${String(i).padStart(5, "0")}`;
    const headings = new Set<string>();
    while (headings.size < 5) headings.add(title(rng, 3));
    return {
      path: `${dir}/${name}.md`,
      url: `/${dir}/${name}/`,
      title: title(rng, rng.int(3, 6)),
      date: date(rng, i),
      tags: rng.sample(TAGS, rng.int(1, 4)),
      description: sentence(rng, 10, 16),
      headings: [...headings],
    };
  });
}

type Shell = ReturnType<typeof shells>[number];

function list(rng: Rng, items: number, ordered: boolean): string {
  return Array.from(
    { length: items },
    (_, i) => `${ordered ? `${i + 1}.` : "-"} ${words(rng, rng.int(5, 10))}`,
  ).join("\n");
}

function table(rng: Rng): string {
  const rows = Array.from(
    { length: 5 },
    () => `| ${words(rng, 2)} | ${rng.int(1, 9999)} | ${words(rng, rng.int(4, 7))} |`,
  );
  return ["| Name | Value | Notes |", "|------|------:|-------|", ...rows].join("\n");
}

/** ~940 words: prose, two lists, a table, two code blocks, internal links (two with anchors), a figure. */
function body(rng: Rng, page: Shell, all: readonly Shell[], secs: readonly SectionSpec[]): string {
  const other = () => rng.pick(all);
  const a = other();
  const b = other();
  const c = other();
  const [lang1, lang2] = rng.sample(LANGUAGES, 2);
  const section = rng.pick(secs);
  const tag = rng.pick(page.tags);
  const figure = rng.int(1, IMAGES);
  const [h1, h2, h3, h4, h5] = page.headings;
  return [
    paragraph(rng, 5),
    `## ${h1}`,
    paragraph(rng, 6),
    paragraph(rng, 5),
    list(rng, 5, false),
    `## ${h2}`,
    `${paragraph(rng, 3)} See [${a.title}](${a.url}) and the [${b.headings[1]!.toLowerCase()}](${b.url}#${slug(b.headings[1]!)}) notes.`,
    paragraph(rng, 5),
    list(rng, 4, true),
    `### ${title(rng, 2)} reference`,
    table(rng),
    paragraph(rng, 4),
    codeBlock(rng, lang1!),
    `## ${h3}`,
    paragraph(rng, 6),
    `![Figure ${figure}: ${words(rng, 4)}](/images/figure-${figure}.png)`,
    `${paragraph(rng, 4)} More in [the ${section.title.toLowerCase()} section](/${section.dir}/), under [${tag}](/tags/${tag}/), and in [${c.headings[3]!.toLowerCase()}](${c.url}#${slug(c.headings[3]!)}).`,
    `## ${h4}`,
    paragraph(rng, 6),
    codeBlock(rng, lang2!),
    `### ${h5}`,
    paragraph(rng, 6),
    `Back to [${h1!.toLowerCase()}](#${slug(h1!)}).`,
  ].join("\n\n");
}

export function generateSpec(options: GenerateOptions): SiteSpec {
  const rng = createRng(options.seed ?? 1);
  const secs = sections(rng, options.pages);
  const all = shells(rng, options.pages, secs);
  const pages = all.map((shell) => ({ ...shell, body: body(rng, shell, all, secs) }));
  return { title: "Bench site", sections: secs, pages, images: IMAGES };
}
