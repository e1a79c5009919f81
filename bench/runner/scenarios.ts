import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { measure } from "./measure.ts";
import { type Peer, REPO } from "./peers.ts";
import { median, range, seconds } from "./report.ts";

export const SCENARIO_HEADER = [
  "Pages",
  "Build",
  "Median",
  "Min–max",
  "In-process",
  "Files written",
  "Speed-up over full build",
];

/** One change made before a timed rebuild, and how to undo it. */
export interface Scenario {
  readonly name: string;
  /** Once, before the untimed warm-up build (the layout override is written here). */
  readonly setup?: () => void;
  readonly edit: (run: number) => void;
  readonly restore: () => void;
}

/** The theme's page layout as a site override: same output, its types from the public package. */
export function pageLayoutOverride(): string {
  const theme = readFileSync(join(REPO, "packages/core/theme/templates/page.tsx"), "utf8");
  const source = theme.replace(/from "\.\.\/\.\.\/src\/render\/layouts\/props\.ts"/, 'from "bengal/jsx"');
  if (source === theme) throw new Error("the theme's page.tsx no longer imports its props as expected");
  return source;
}

export function scenarios(site: string, pagePath: string): Scenario[] {
  const file = join(site, "content", pagePath);
  const original = readFileSync(file, "utf8");
  const templates = join(site, "templates");
  const layout = join(templates, "page.tsx");
  const override = pageLayoutOverride();
  const restorePage = () => writeFileSync(file, original);
  return [
    { name: "no-change rebuild", edit: () => {}, restore: () => {} },
    {
      name: "one-page body edit",
      edit: (run) => writeFileSync(file, `${original}\nAn edited closing sentence, revision ${run + 1}.\n`),
      restore: restorePage,
    },
    {
      name: "one-page title edit",
      edit: (run) => {
        const edited = original.replace(/^title: (.*)$/m, (_, t: string) =>
          /^".*"$/.test(t) ? `title: ${t.slice(0, -1)} rev ${run + 1}"` : `title: ${t} rev ${run + 1}`,
        );
        if (edited === original) throw new Error(`${pagePath} has no title line`);
        writeFileSync(file, edited);
      },
      restore: restorePage,
    },
    {
      // The override exists (and was built once) before the first timed edit.
      name: "layout edit (templates/page.tsx)",
      setup: () => {
        mkdirSync(templates, { recursive: true });
        writeFileSync(layout, override);
      },
      edit: (run) => {
        const edited = override.replace('class="article-title"', `class="article-title rev-${run + 1}"`);
        if (edited === override) throw new Error("the page layout has no article-title class to edit");
        writeFileSync(layout, edited);
      },
      restore: () => rmSync(templates, { recursive: true, force: true }),
    },
  ];
}

interface BuildJson {
  readonly timings?: { stage: string; ms: number }[];
  readonly written?: number;
  readonly cache?: { rendered?: number };
}

function parse(stdout: string): BuildJson {
  try {
    return JSON.parse(stdout) as BuildJson;
  } catch {
    return {};
  }
}

/**
 * Bengal's incremental CLI builds on one site: a warm-up build, then `runs` timed builds per
 * scenario, each after its edit. `fullMs` is the median cold full build at this size.
 */
export async function bengalScenarios(
  bengal: Peer,
  pages: number,
  site: string,
  out: string,
  pagePath: string,
  runs: number,
  fullMs: readonly number[],
): Promise<{ rows: string[][]; bars: { label: string; ms: number }[] }> {
  const n = pages.toLocaleString("en-US");
  const full = median(fullMs);
  const rows: string[][] = [[n, "full build (cold)", seconds(full), range(fullMs), "", "", "1.0x"]];
  const bars = [{ label: `${n}: full build`, ms: full }];
  if (existsSync(join(site, "templates"))) throw new Error(`${site}/templates exists: remove it first`);
  bengal.reset(site, out);
  for (const s of scenarios(site, pagePath)) {
    try {
      s.setup?.();
      const warm = await measure(bengal.build(site, out, ["--json"]));
      if (!warm.ok) throw new Error(`warm-up build failed:\n${warm.error}`);
      const wall: number[] = [];
      const inner: number[] = [];
      const written: number[] = [];
      const rendered: number[] = [];
      for (let run = 0; run < runs; run++) {
        s.edit(run);
        const r = await measure(bengal.build(site, out, ["--json"]));
        if (!r.ok) throw new Error(`rebuild failed:\n${r.error}`);
        const json = parse(r.stdout);
        wall.push(r.ms);
        inner.push((json.timings ?? []).reduce((sum, t) => sum + t.ms, 0));
        written.push(json.written ?? 0);
        if (json.cache?.rendered !== undefined) rendered.push(json.cache.rendered);
      }
      const m = median(wall);
      console.error(`  ${n} pages, ${s.name}: ${wall.map(seconds).join(", ")}`);
      rows.push([
        n,
        s.name,
        seconds(m),
        range(wall),
        seconds(median(inner)),
        // Pages rendered, when the CLI's JSON reports them.
        `${median(written)}${rendered.length ? ` (${median(rendered)} pages rendered)` : ""}`,
        `${(full / m).toFixed(1)}x`,
      ]);
      bars.push({ label: `${n}: ${s.name}`, ms: m });
    } catch (error) {
      console.error(`  ${n} pages, ${s.name}: ${(error as Error).message}`);
      rows.push([n, s.name, "failed", "", "", "", (error as Error).message.split("\n")[0]!]);
    } finally {
      s.restore();
    }
  }
  return { rows, bars };
}
