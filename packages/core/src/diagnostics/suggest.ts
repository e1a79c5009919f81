/** "Did you mean" support shared by config and front matter checks. */

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The candidate nearest to `word` (case-insensitive), or null when none is close enough.
 * Short words allow one edit only, so free fields like `name` are not mistaken for `date`.
 */
export function closest(word: string, candidates: Iterable<string>, maxDistance?: number): string | null {
  const limit = maxDistance ?? (word.length <= 4 ? 1 : 2);
  const w = word.toLowerCase();
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = levenshtein(w, c.toLowerCase());
    if (d < bestDistance && d <= limit && c !== word) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** ` — did you mean \`x\`?` or "" — appended to unknown-key messages. */
export function didYouMean(word: string, candidates: Iterable<string>, maxDistance?: number): string {
  const c = closest(word, candidates, maxDistance);
  return c === null ? "" : ` — did you mean \`${c}\`?`;
}
