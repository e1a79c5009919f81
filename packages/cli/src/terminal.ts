/** Where a command writes, and whether it may colour what it writes. */
export interface Terminal {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly color: boolean;
  readonly cwd: string;
  /** stderr is an interactive terminal: live progress lines may be drawn there. */
  readonly interactive?: boolean;
}

/**
 * Colours follow the usual conventions: `FORCE_COLOR` (other than `0`/`false`) turns them
 * on, `NO_COLOR` turns them off, otherwise only an interactive stdout gets them.
 */
export function colorEnabled(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force.toLowerCase() !== "false";
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return isTTY;
}

export function processTerminal(): Terminal {
  // Asked on first use: the first touch of process.stdout builds its stream, and loading
  // node:tty for isatty costs as much (~6 ms), which a quiet build that prints nothing (a
  // no-change rebuild) should not pay.
  let color: boolean | undefined;
  let interactive: boolean | undefined;
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    get color() {
      color ??= colorEnabled(process.env, process.stdout.isTTY === true);
      return color;
    },
    cwd: process.cwd(),
    get interactive() {
      interactive ??= process.stderr.isTTY === true;
      return interactive;
    },
  };
}

const CODES = { red: 31, green: 32, yellow: 33, blue: 34, cyan: 36, gray: 90, bold: 1, dim: 2 } as const;
export type Style = keyof typeof CODES;

export function paint(term: Pick<Terminal, "color">, style: Style, text: string): string {
  if (!term.color) return text;
  const close = style === "bold" || style === "dim" ? 22 : 39;
  return `\x1b[${CODES[style]}m${text}\x1b[${close}m`;
}
