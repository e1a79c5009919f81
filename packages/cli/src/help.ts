import type { FlagSpec } from "./args.ts";
import { COMMANDS, type CommandSpec, ROOT_FLAGS, SUBCOMMANDS } from "./spec.ts";
import { paint, type Terminal } from "./terminal.ts";
import { CLI_VERSION } from "./version.ts";

function flagLabel(flag: FlagSpec): string {
  const long = `--${flag.name}${flag.type === "string" ? ` ${flag.value ?? "<value>"}` : ""}`;
  return flag.short ? `-${flag.short}, ${long}` : `    ${long}`;
}

function table(term: Pick<Terminal, "color">, rows: readonly [string, string][]): string {
  const width = Math.max(...rows.map(([l]) => l.length)) + 2;
  return rows.map(([l, r]) => `  ${paint(term, "cyan", l.padEnd(width))}${r}\n`).join("");
}

export function usageLine(spec: CommandSpec): string {
  const subs = SUBCOMMANDS[spec.path.join(" ")];
  const args = subs ? "<command>" : spec.args.map((a) => a.name).join(" ");
  return `bengal ${spec.path.join(" ")}${args ? ` ${args}` : ""} [options]`;
}

export function commandHelp(term: Pick<Terminal, "color">, spec: CommandSpec): string {
  const subs = SUBCOMMANDS[spec.path.join(" ")];
  let text = `${spec.summary}\n\n${paint(term, "bold", "Usage:")} ${usageLine(spec)}\n`;
  if (subs) {
    text += `\n${paint(term, "bold", "Commands:")}\n`;
    text += table(
      term,
      subs.map((s) => [`${s.path.at(-1)} ${s.args.map((a) => a.name).join(" ")}`, s.summary]),
    );
  } else if (spec.args.length > 0) {
    text += `\n${paint(term, "bold", "Arguments:")}\n${table(
      term,
      spec.args.map((a) => [a.name, a.description]),
    )}`;
  }
  text += `\n${paint(term, "bold", "Options:")}\n${table(
    term,
    spec.flags.map((f) => [flagLabel(f), f.description]),
  )}`;
  text += `\n${paint(term, "bold", "Examples:")}\n${spec.examples.map((e) => `  ${e}\n`).join("")}`;
  return text;
}

export function rootHelp(term: Pick<Terminal, "color">): string {
  const commands = COMMANDS.map((c): [string, string] => [c.path.join(" "), c.summary]);
  return (
    `bengal ${CLI_VERSION}: a fast static site generator\n\n` +
    `${paint(term, "bold", "Usage:")} bengal <command> [options]\n\n` +
    `${paint(term, "bold", "Commands:")}\n${table(term, commands)}\n` +
    `${paint(term, "bold", "Options:")}\n${table(
      term,
      ROOT_FLAGS.map((f) => [flagLabel(f), f.description]),
    )}\n` +
    `Run \`bengal <command> --help\` for a command's options.\n`
  );
}
