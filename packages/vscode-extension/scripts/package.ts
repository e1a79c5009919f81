// `bun run package [--sourcemaps] [--out <file.vsix>]`: bundles the client and the language server
// into one CommonJS file each, then packs them with vsce. The .vsix holds no node_modules and, unless
// --sourcemaps is given, no source maps (.vscodeignore keeps only dist/{extension,server}.js and the
// built-in theme in dist/theme).
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";

const here = resolve(dirname(new URL(import.meta.url).pathname), "..");
/** The language server's Node entry, written in packages/lsp. */
export const SERVER_ENTRY = resolve(here, "../lsp/src/node-main.ts");
const CLIENT_ENTRY = join(here, "src/extension.ts");
/** The built-in theme: the server lists its templates and assets, so it ships beside the bundle. */
const THEME = resolve(here, "../core/theme");

export interface PackageOptions {
  readonly sourcemaps: boolean;
  readonly out: string;
}

export function parseOptions(argv: readonly string[]): PackageOptions {
  const manifest = JSON.parse(readFileSync(join(here, "package.json"), "utf8")) as {
    name: string;
    version: string;
  };
  let out = join(here, `${manifest.name}-${manifest.version}.vsix`);
  let sourcemaps = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--sourcemaps") sourcemaps = true;
    else if (arg === "--out" && argv[i + 1]) out = resolve(argv[++i]!);
    else throw new Error(`unknown option ${arg} (use --sourcemaps, --out <file.vsix>)`);
  }
  return { sourcemaps, out };
}

async function bundle(entry: string, name: string, sourcemaps: boolean): Promise<void> {
  const result = await Bun.build({
    entrypoints: [entry],
    outdir: join(here, "dist"),
    naming: `${name}.js`,
    target: "node",
    format: "cjs",
    external: ["vscode"],
    minify: true,
    sourcemap: sourcemaps ? "linked" : "none",
    throw: false,
  });
  if (!result.success) {
    throw new Error(`bundling ${relative(here, entry)} failed:\n${result.logs.map(String).join("\n")}`);
  }
}

/** vsce needs Node 22+; Bun runs it as well, so the packaging has no Node requirement of its own. */
async function vsce(opts: PackageOptions): Promise<void> {
  const args = ["package", "--no-dependencies", "--skip-license", "--out", opts.out];
  let scratch: string | null = null;
  if (opts.sourcemaps) {
    scratch = mkdtempSync(join(tmpdir(), "bengal-vsce-"));
    const ignore = join(scratch, ".vscodeignore");
    writeFileSync(ignore, `${readFileSync(join(here, ".vscodeignore"), "utf8")}!dist/*.map\n`);
    args.push("--ignoreFile", ignore);
  }
  const bin = join(here, "node_modules/@vscode/vsce/vsce");
  const proc = Bun.spawn([process.execPath, bin, ...args], { cwd: here, stdout: "pipe", stderr: "pipe" });
  const [stdout, stderr, code] = await Promise.all([
    new Response(proc.stdout).text(),
    new Response(proc.stderr).text(),
    proc.exited,
  ]);
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  if (code !== 0) throw new Error(`vsce package failed (exit ${code}):\n${stdout}${stderr}`);
}

export async function packageExtension(opts: PackageOptions): Promise<{ file: string; bytes: number }> {
  try {
    statSync(SERVER_ENTRY);
  } catch {
    throw new Error(`the language server entry ${relative(process.cwd(), SERVER_ENTRY)} does not exist yet`);
  }
  rmSync(join(here, "dist"), { recursive: true, force: true });
  await Promise.all([
    bundle(CLIENT_ENTRY, "extension", opts.sourcemaps),
    bundle(SERVER_ENTRY, "server", opts.sourcemaps),
  ]);
  cpSync(THEME, join(here, "dist/theme"), { recursive: true });
  await vsce(opts);
  return { file: opts.out, bytes: statSync(opts.out).size };
}

if (import.meta.main) {
  try {
    const { file, bytes } = await packageExtension(parseOptions(process.argv.slice(2)));
    console.log(`✓ ${relative(process.cwd(), file) || file}  ${(bytes / 1024).toFixed(1)} KiB`);
  } catch (error) {
    console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
