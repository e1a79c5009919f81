/**
 * GitHub-style heading slugs (the github-slugger algorithm): lowercase, drop everything but
 * letters, marks, digits, connector punctuation (`_`), `-` and spaces, then spaces become `-`.
 * Links written against GitHub's rendering of a README keep working here.
 */
const STRIP = /[^\p{L}\p{M}\p{N}\p{Pc} -]/gu;

export function slugify(text: string): string {
  return text.toLowerCase().replace(STRIP, "").replace(/ /g, "-");
}

export interface Slugger {
  /** A unique id for `text`: `intro`, then `intro-1`, `intro-2`… Empty slugs become `section`. */
  slug(text: string): string;
  /** Claims an id given verbatim (`{#custom}`, footnotes) so later slugs avoid it. Returns it unchanged. */
  reserve(id: string): string;
}

export function createSlugger(): Slugger {
  const seen = new Map<string, number>();
  return {
    slug(text) {
      const base = slugify(text) || "section";
      let id = base;
      while (seen.has(id)) {
        const n = (seen.get(base) ?? 0) + 1;
        seen.set(base, n);
        id = `${base}-${n}`;
      }
      seen.set(id, 0);
      return id;
    },
    reserve(id) {
      if (!seen.has(id)) seen.set(id, 0);
      return id;
    },
  };
}
