import type { Rng } from "./prng.ts";

/** Plain lowercase ASCII words, so heading slugs are the same in every generator. */
export const WORDS = `
the a of to and in is that for it with as on by this be are from or an at which but not have has was
build page site render cache layout section index content theme asset link anchor heading table list
code block token parser lexer output input stage worker thread pool queue config value option field
request response server client module package import export function method class object array string
number boolean record entry item node tree graph edge path route folder file stream buffer chunk byte
engine pipeline template partial component style script image figure caption chart metric sample test
result error warning message report format schema version release change update patch merge commit
branch review deploy host domain network latency memory storage disk clock timer event signal handler
simple fast small clear stable quiet careful precise direct robust modern portable useful common
every each many several often always rarely quickly slowly early later first second final next
`
  .trim()
  .split(/\s+/);

/** Single-word tags: their slugs and URLs are identical across Bengal, Hugo and Eleventy. */
export const TAGS = `
performance caching markdown templates routing testing deployment security accessibility design
tooling debugging profiling workflow automation migration releases tutorials reference internals
concurrency streaming indexing search feeds sitemaps images styles scripts layouts themes plugins
configuration diagnostics linting formatting editors servers clients networking storage databases
observability metrics logging tracing packaging publishing localization typography navigation
`
  .trim()
  .split(/\s+/);

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function words(rng: Rng, count: number): string {
  return Array.from({ length: count }, () => rng.pick(WORDS)).join(" ");
}

export function sentence(rng: Rng, min = 8, max = 18): string {
  return `${capitalize(words(rng, rng.int(min, max)))}.`;
}

export function paragraph(rng: Rng, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(rng)).join(" ");
}

/** A short title: "Careful cache layout". */
export function title(rng: Rng, count = 3): string {
  return capitalize(words(rng, count));
}
