import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { type ParsedArgs, UsageError } from "../args.ts";
import { paint, type Terminal } from "../terminal.ts";
import { findSiteRoot, hasConfig, localDate, titleFromName } from "./site-root.ts";

/** `blog/my-post` → `blog/my-post.md`; rejects paths that leave `content/`. */
function contentPath(input: string): string {
  let path = input.replace(/\\/g, "/").replace(/^\.\//, "");
  if (path.startsWith("content/")) path = path.slice("content/".length);
  if (path.startsWith("/") || path.split("/").includes("..") || path === "" || path.endsWith("/")) {
    throw new UsageError(`the page path must be a file under content/, like blog/my-post (got ${input})`);
  }
  return /\.(md|markdown)$/i.test(path) ? path : `${path}.md`;
}

function titleFor(path: string): string {
  const parts = path.replace(/\.(md|markdown)$/i, "").split("/");
  let stem = parts.pop() ?? "";
  // A bundle or section page is named after its folder.
  if ((stem === "index" || stem === "_index") && parts.length > 0) stem = parts.pop()!;
  return titleFromName(stem) || "Home";
}

/** Plain when YAML reads it back as the same string, quoted otherwise (`yes`, `1.5`, `a: b`). */
function yamlString(text: string): string {
  const plain = /^[A-Za-z][A-Za-z0-9 ,.!?'()&-]*$/.test(text) && !/ $/.test(text);
  const reserved = /^(true|false|yes|no|on|off|null|y|n)$/i.test(text);
  return plain && !reserved ? text : JSON.stringify(text);
}

/** `bengal new page <path>`: exit 1 if the page exists, 2 outside a site. */
export function runNewPage(term: Terminal, args: ParsedArgs): number {
  const input = args.positionals[0];
  if (!input) throw new UsageError("missing the page path: bengal new page <path>");
  if (args.positionals.length > 1) throw new UsageError(`unexpected argument ${args.positionals[1]}`);
  const path = contentPath(input);

  const dirFlag = args.flags.dir;
  const root =
    typeof dirFlag === "string"
      ? hasConfig(resolve(term.cwd, dirFlag))
        ? resolve(term.cwd, dirFlag)
        : null
      : findSiteRoot(term.cwd);
  if (!root) {
    const where = typeof dirFlag === "string" ? dirFlag : "this folder or any folder above it";
    term.err(
      `${paint(term, "red", "✗")} no Bengal site found: ${where} has no bengal.toml (or bengal.yaml)\n` +
        "  Run this inside a site, pass --dir <site>, or create one with: bengal new site <name>\n",
    );
    return 2;
  }

  const file = join(root, "content", path);
  const shown = relative(term.cwd, file);
  if (existsSync(file)) {
    term.err(`${paint(term, "red", "✗")} ${shown} already exists; not overwriting it\n`);
    return 1;
  }
  const title = typeof args.flags.title === "string" ? args.flags.title : titleFor(path);
  mkdirSync(dirname(file), { recursive: true });
  const text = `---\ntitle: ${yamlString(title)}\ndate: ${localDate()}\ndraft: false\n---\n\nWrite your page here.\n`;
  writeFileSync(file, text, { flag: "wx" });
  term.out(`${paint(term, "green", "✓")} Created ${shown}\n`);
  return 0;
}
