import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { type ParsedArgs, UsageError } from "../args.ts";
import { paint, type Terminal } from "../terminal.ts";
import { localDate, titleFromName } from "./site-root.ts";
import { starterFiles } from "./starter-files.ts";

/** `bengal new site <name>`: never writes into a folder that already has files. */
export function runNewSite(term: Terminal, args: ParsedArgs): number {
  const name = args.positionals[0];
  if (!name) throw new UsageError("missing the site name: bengal new site <name>");
  if (args.positionals.length > 1) throw new UsageError(`unexpected argument ${args.positionals[1]}`);
  const target = resolve(term.cwd, name);
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) {
      term.err(`${paint(term, "red", "✗")} ${name} exists and is not a folder\n`);
      return 2;
    }
    if (readdirSync(target).length > 0) {
      term.err(`${paint(term, "red", "✗")} ${name} already exists and is not empty; choose another name\n`);
      return 2;
    }
  }
  const title = titleFromName(basename(target)) || "My Site";
  const files = starterFiles(title, localDate());
  for (const [path, text] of Object.entries(files)) {
    const file = join(target, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text, { flag: "wx" });
  }
  const shown = relative(term.cwd, target) || ".";
  term.out(`${paint(term, "green", "✓")} Created ${shown}/ with ${Object.keys(files).length} files\n\n`);
  term.out("Next steps:\n");
  term.out(`  cd ${shown} && bunx bengal build\n`);
  term.out("  then open public/index.html, or add a post: bunx bengal new page blog/my-post\n");
  return 0;
}
