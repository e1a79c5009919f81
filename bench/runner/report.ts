/** Statistics and markdown tables: every table is printed and written to the results file. */

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function seconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

export function range(xs: readonly number[]): string {
  return `${seconds(Math.min(...xs))}–${seconds(Math.max(...xs))}`;
}

export function megabytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(2)} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;
}

export function ratio(peer: number, bengal: number): string {
  return `${(peer / bengal).toFixed(2)}x`;
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  // Numbers align right, words left (judged by the column's first non-empty cell).
  const align = header.map((_, i) => {
    const first = rows.find((r) => r[i])?.[i] ?? "";
    return /^[\d.]/.test(first) && i > 0 ? "---:" : "---";
  });
  return [header, align, ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
}

/** Collects printed sections so the same text goes to stdout and to the results file. */
export class Report {
  readonly #parts: string[] = [];
  section(title: string, body: string): void {
    const text = `## ${title}\n\n${body}\n`;
    this.#parts.push(text);
    console.log(`\n${text}`);
  }
  text(): string {
    return this.#parts.join("\n");
  }
}
