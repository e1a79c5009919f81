import { fileURLToPath } from "node:url";
import { plugin } from "bun";

/**
 * Site templates live outside this package, so `hono/jsx` (and the JSX runtime that Bun injects) cannot be
 * resolved from their folder. Bun's runtime `onResolve` does not fire for bare specifiers
 * (oven-sh/bun#40579), so an `onLoad` hook rewrites the specifiers in the source to files of our own
 * hono copy instead. Rewrites stay on the same line so error positions still point into the user's file.
 */

const here = (rel: string): string => fileURLToPath(new URL(rel, import.meta.url)).replace(/\\/g, "/");

/** Folder holding `jsx-runtime.ts` and `jsx-dev-runtime.ts`, used as the JSX import source. */
const RUNTIME_DIR = here(".").replace(/\/$/, "");
const JSX_HELPERS = here("./jsx.ts");

const SPECIFIER =
  /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)(["'])((?:@bengal\/core|bengal)\/jsx(?:[\w./-]*)|hono(?:\/[\w./-]*)?)\2/g;
const PRAGMA = /@jsxImportSource\s+\S+/;

function resolveSpecifier(spec: string): string | null {
  if (spec === "bengal/jsx" || spec === "@bengal/core/jsx") return JSX_HELPERS;
  const runtime = /^(?:@bengal\/core|bengal)\/jsx(?:\/jsx)?-?((?:dev-)?runtime)$/.exec(spec);
  if (runtime) return `${RUNTIME_DIR}/jsx-${runtime[1]}.ts`;
  try {
    return fileURLToPath(import.meta.resolve(spec)).replace(/\\/g, "/");
  } catch {
    return null;
  }
}

/** Relative imports with an extension: helper modules, versioned like the layouts. */
const RELATIVE = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])(\.\.?\/[^"'?]+\.(?:tsx|jsx|ts|js|mjs))\2/g;

let helperVersion = "";

/**
 * The hash of the site's helper modules. A process that builds again (the dev server) must
 * not keep an old copy of an edited helper, so relative imports carry it as a query.
 */
export function setHelperVersion(version: string): void {
  helperVersion = version;
}

/** Exported for tests: the source as the loader hands it to Bun's transpiler. */
export function rewriteLayoutSource(source: string): string {
  let text = source.replace(SPECIFIER, (whole, lead: string, quote: string, spec: string) => {
    const target = resolveSpecifier(spec);
    return target === null ? whole : `${lead}${quote}${target}${quote}`;
  });
  if (helperVersion !== "") {
    text = text.replace(RELATIVE, (_whole, lead: string, quote: string, spec: string) => {
      return `${lead}${quote}${spec}?v=${helperVersion}${quote}`;
    });
  }
  const pragma = `@jsxImportSource ${RUNTIME_DIR}`;
  if (PRAGMA.test(text)) text = text.replace(PRAGMA, pragma);
  else text = `/** ${pragma} */ ${text}`;
  return text;
}

// `.js` layouts may hold JSX too.
const LOADERS = { ".tsx": "tsx", ".jsx": "jsx", ".ts": "ts", ".js": "jsx" } as const;

const registered = new Set<string>();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** Makes every layout file under `dir` loadable wherever the site lives. Idempotent per folder. */
export function registerTemplateDir(dir: string): void {
  const root = dir.endsWith("/") ? dir.slice(0, -1) : dir;
  if (registered.has(root)) return;
  registered.add(root);
  // Imports carry a `?v=<mtime>` query (cache busting across rebuilds), hence the optional tail.
  const filter = new RegExp(`^${escapeRegExp(root)}/.*\\.(tsx|jsx|ts|js)(\\?.*)?$`);
  plugin({
    name: `bengal-layouts:${root}`,
    setup(build) {
      build.onLoad({ filter }, async (args) => {
        const path = args.path.replace(/\?.*$/, "");
        const ext = path.slice(path.lastIndexOf(".")) as keyof typeof LOADERS;
        const source = await Bun.file(path).text();
        return { contents: rewriteLayoutSource(source), loader: LOADERS[ext] ?? "tsx" };
      });
    },
  });
}
