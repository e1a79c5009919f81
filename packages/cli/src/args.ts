/** A small typed argument parser: `--flag`, `--flag value`, `--flag=value`, `--` ends flags. */

export interface FlagSpec {
  /** Long name without dashes (`baseurl`, `no-parallel`). */
  readonly name: string;
  /** `string` flags take a value; `boolean` flags take none. */
  readonly type: "boolean" | "string";
  /** Placeholder shown in help for string flags (`<url>`). */
  readonly value?: string;
  readonly short?: string;
  readonly description: string;
}

export interface ParsedArgs {
  readonly positionals: string[];
  readonly flags: Readonly<Record<string, string | boolean>>;
}

/** Bad command-line usage; the CLI prints it with the command's usage line and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export function parseArgs(argv: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const positionals: string[] = [];
  const flags: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    const long = arg.startsWith("--");
    const eq = long ? arg.indexOf("=") : -1;
    const name = long ? arg.slice(2, eq < 0 ? undefined : eq) : arg.slice(1);
    const spec = specs.find((s) => (long ? s.name === name : s.short === name));
    if (!spec) throw new UsageError(unknownFlagMessage(arg.slice(0, eq < 0 ? undefined : eq), specs));
    if (spec.type === "boolean") {
      if (eq >= 0) throw new UsageError(`--${spec.name} takes no value`);
      flags[spec.name] = true;
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || (value.startsWith("-") && value !== "-")) {
        throw new UsageError(`--${spec.name} needs a value: --${spec.name} ${spec.value ?? "<value>"}`);
      }
      i++;
    }
    flags[spec.name] = value;
  }
  return { positionals, flags };
}

function unknownFlagMessage(flag: string, specs: readonly FlagSpec[]): string {
  const bare = flag.replace(/^-+/, "");
  const guess = closest(
    bare,
    specs.map((s) => s.name),
  );
  return `unknown option ${flag}${guess ? ` (did you mean --${guess}?)` : ""}`;
}

/** The candidate within a small edit distance of `word`, for "did you mean" hints. */
export function closest(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const limit = Math.max(1, Math.floor(word.length / 3));
  return best !== null && (bestDistance <= limit || best.startsWith(word)) ? best : null;
}

/** Optimal string alignment distance: a swap of two neighbours (`biuld`) counts as one edit. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}
