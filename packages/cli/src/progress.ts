/** What each long stage counts, for the progress line. */
const NOUNS: Readonly<Record<string, string>> = { render: "pages", assets: "assets" };

export interface ProgressOptions {
  /** Writes to the terminal (stderr, so piped stdout stays clean). */
  readonly write: (text: string) => void;
  /** Only on an interactive terminal, and never with `--quiet` or `--json`. */
  readonly enabled: boolean;
  readonly now?: () => number;
  /** Builds shorter than this never show a progress line. */
  readonly delayMs?: number;
  /** At most one redraw per interval. */
  readonly intervalMs?: number;
  readonly width?: number;
}

export interface Progress {
  /** `done` of `total` items of `stage` are finished. */
  item(stage: string, done: number, total: number): void;
  /** Removes the line so other output can be printed; it comes back with the next item. */
  clear(): void;
}

/** A single self-overwriting line: `  pages  [#####-----]  120/500`. */
export function createProgress(options: ProgressOptions): Progress {
  const now = options.now ?? (() => performance.now());
  const delay = options.delayMs ?? 300;
  const interval = options.intervalMs ?? 80;
  const width = options.width ?? 24;
  const started = now();
  let shown = false;
  let lastDraw = Number.NEGATIVE_INFINITY;
  const clear = () => {
    if (!shown) return;
    options.write("\r\x1b[2K");
    shown = false;
  };
  return {
    item(stage, done, total) {
      if (!options.enabled || total <= 0) return;
      const t = now();
      if (t - started < delay) return;
      if (done >= total) {
        clear();
        return;
      }
      if (shown && t - lastDraw < interval) return;
      lastDraw = t;
      const filled = Math.round((done / total) * width);
      const bar = `${"#".repeat(filled)}${"-".repeat(width - filled)}`;
      const noun = NOUNS[stage] ?? stage;
      options.write(`\r\x1b[2K  ${noun.padEnd(6)} [${bar}] ${done}/${total}`);
      shown = true;
    },
    clear,
  };
}
