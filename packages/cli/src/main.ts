import { closest, parseArgs, UsageError } from "./args.ts";
import { runBuild } from "./commands/build.ts";
import { runClean } from "./commands/clean.ts";
import { runNewPage } from "./commands/new-page.ts";
import { runNewSite } from "./commands/new-site.ts";
import { runServe } from "./commands/serve.ts";
import { commandHelp, rootHelp, usageLine } from "./help.ts";
import {
  BUILD,
  CLEAN,
  COMMANDS,
  type CommandSpec,
  NEW,
  NEW_PAGE,
  NEW_SITE,
  ROOT_FLAGS,
  SERVE,
  SUBCOMMANDS,
} from "./spec.ts";
import { paint, type Terminal } from "./terminal.ts";
import { CLI_VERSION } from "./version.ts";

type Runner = (term: Terminal, args: ReturnType<typeof parseArgs>) => number | Promise<number>;

const RUNNERS = new Map<CommandSpec, Runner>([
  [BUILD, runBuild],
  [CLEAN, runClean],
  [SERVE, (term, args) => runServe(term, args)],
  [NEW_SITE, runNewSite],
  [NEW_PAGE, runNewPage],
]);

function unknownCommand(word: string, choices: readonly CommandSpec[], prefix: string): UsageError {
  const names = choices.map((c) => c.path.at(-1)!);
  const guess = closest(word, names);
  return new UsageError(
    `unknown command ${prefix}${word}${guess ? ` (did you mean ${prefix}${guess}?)` : ""}`,
  );
}

/** Finds the command named by the leading words of argv; the rest are its arguments. */
function resolveCommand(argv: readonly string[]): { spec: CommandSpec; rest: readonly string[] } | null {
  const first = argv[0];
  if (first === undefined || first.startsWith("-")) return null;
  const top = COMMANDS.find((c) => c.path[0] === first);
  if (!top) throw unknownCommand(first, COMMANDS, "");
  const subs = SUBCOMMANDS[first];
  const second = argv[1];
  if (!subs || second === undefined || second.startsWith("-")) return { spec: top, rest: argv.slice(1) };
  const sub = subs.find((c) => c.path[1] === second);
  if (!sub) throw unknownCommand(second, subs, `${first} `);
  return { spec: sub, rest: argv.slice(2) };
}

/** Runs the CLI and returns the exit code: 0 ok, 1 the work failed, 2 bad usage or unusable config. */
export async function main(argv: readonly string[], term: Terminal): Promise<number> {
  let spec: CommandSpec | null = null;
  try {
    const found = resolveCommand(argv);
    if (!found) {
      const args = parseArgs(argv, ROOT_FLAGS);
      if (args.flags.version) {
        term.out(`bengal ${CLI_VERSION}\n`);
        return 0;
      }
      if (args.flags.help) {
        term.out(rootHelp(term));
        return 0;
      }
      term.err(rootHelp(term));
      return 2;
    }
    spec = found.spec;
    const args = parseArgs(found.rest, spec.flags);
    if (args.flags.help) {
      term.out(commandHelp(term, spec));
      return 0;
    }
    const run = RUNNERS.get(spec);
    if (!run) {
      // `bengal new` alone: say which things it can create.
      term.err(commandHelp(term, spec === NEW ? NEW : spec));
      return 2;
    }
    return await run(term, args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    term.err(`${paint(term, "red", "error:")} ${error.message}\n`);
    term.err(
      spec
        ? `usage: ${usageLine(spec)}\nRun \`bengal ${spec.path.join(" ")} --help\` for all options.\n`
        : "Run `bengal --help` for the commands.\n",
    );
    return 2;
  }
}
