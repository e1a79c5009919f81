import { diagnostic } from "../../diagnostics/create.ts";
import type { Host } from "../../host/host.ts";
import { join } from "../../host/path.ts";
import type { Diagnostic } from "../../model/diagnostic.ts";
import type { Page } from "../../model/page.ts";
import { pointRange, type Range } from "../../model/range.ts";
import { chooseLayout, type LayoutChoice } from "./choose.ts";
import { didYouMean } from "./did-you-mean.ts";
import { AsyncRenderError } from "./html-runtime.ts";
import { LayoutError, layoutDiagnosticPath, locateInStack } from "./layout-error.ts";
import { indexLayoutFiles } from "./layout-files.ts";

export { LayoutError, layoutFailedDiagnostic } from "./layout-error.ts";

import { builtinThemeDir } from "../../discover/theme-dir.ts";
import { helpersVersion } from "./identities.ts";
import { registerTemplateDir, setHelperVersion } from "./loader-plugin.ts";
import type { Component, LayoutData, LayoutProps } from "./props.ts";

const BUILTIN_THEME_DIR = builtinThemeDir();

export interface LayoutEngineOptions {
  readonly host: Host;
  readonly siteRoot: string;
  /** Theme roots (each holding `templates/`): site theme(s) first, the built-in theme last. */
  readonly themeDirs: readonly string[];
}

export interface RenderResult {
  readonly html: string;
  /** Every layout name the render reached (itself, `base`, partials), for template dependencies. */
  readonly used: readonly string[];
}

export type { LayoutChoice } from "./choose.ts";

export interface LayoutEngine {
  /** All layout names, sorted (`404`, `base`, `page`, `partials/header`, …). */
  readonly names: readonly string[];
  /** Names under `partials/`. */
  readonly partials: readonly string[];
  /** `layout.invalid` for files that could not be loaded. */
  readonly diagnostics: readonly Diagnostic[];
  has(name: string): boolean;
  /** Absolute path of the file that provides `name`. */
  file(name: string): string | undefined;
  /**
   * Front matter `layout` > `type` > the kind's default. A missing explicit `layout` yields `layout.not-found`
   * (at `layoutRange` in the page's file when given) and the kind's default.
   */
  choose(page: Page, layoutRange?: Range): LayoutChoice;
  /** Renders synchronously; throws `LayoutError` with the layout file (and line) on failure. */
  render(name: string, data: LayoutData): RenderResult;
}

const DOCTYPE = /^\s*<!doctype/i;

class AsyncLayout extends Error {}

function stringify(name: string, node: unknown): string {
  if (node === null || node === undefined || node === false) return "";
  if (node instanceof Promise) {
    node.catch(() => {});
    throw new AsyncLayout(`layout "${name}" is async; layouts must render synchronously`);
  }
  let out: unknown;
  try {
    out = (node as { toString(): unknown }).toString();
  } catch (error) {
    if (!(error instanceof AsyncRenderError)) throw error;
    throw new AsyncLayout(
      `layout "${name}" rendered a Promise: an async component was used; layouts must render synchronously`,
    );
  }
  if (out instanceof Promise) {
    out.catch(() => {});
    throw new AsyncLayout(
      `layout "${name}" rendered a Promise: an async component was used; layouts must render synchronously`,
    );
  }
  return String(out);
}

interface BuildProblem {
  readonly message: string;
  readonly line: number;
  readonly character: number;
  readonly length: number;
}

/** Bun reports transpile errors as an AggregateError of BuildMessages with 1-based line and column. */
function firstBuildMessage(error: unknown): BuildProblem | null {
  const messages = (error as { errors?: unknown[] } | undefined)?.errors ?? [error];
  for (const m of messages) {
    const msg = m as {
      message?: string;
      position?: { line?: number; column?: number; length?: number };
    } | null;
    const pos = msg?.position;
    if (msg?.message && pos?.line) {
      return {
        message: msg.message,
        line: pos.line - 1,
        character: Math.max(0, (pos.column ?? 1) - 1),
        length: pos.length ?? 0,
      };
    }
  }
  return null;
}

interface Loaded {
  readonly components: Map<string, Component>;
  readonly failed: Set<string>;
  readonly diagnostics: Diagnostic[];
}

async function loadAll(
  host: Host,
  siteRoot: string,
  files: Map<string, string>,
  helpers: string,
): Promise<Loaded> {
  const loaded: Loaded = { components: new Map(), failed: new Set(), diagnostics: [] };
  const results = await Promise.all(
    [...files].map(async ([name, file]) => {
      // The mtime query makes a rebuild in the same process see an edited layout.
      const stat = await host.stat(file);
      const version = `${stat ? `${Math.floor(stat.mtimeMs)}-${stat.size}` : "0"}-${helpers}`;
      try {
        const mod = (await import(`${file}?v=${version}`)) as { default?: unknown };
        if (typeof mod.default !== "function")
          return { name, file, error: "it has no default export component" };
        return { name, file, component: mod.default as Component };
      } catch (error) {
        return { name, file, error: (error as Error).message ?? String(error), cause: error };
      }
    }),
  );
  for (const r of results) {
    if (r.component) {
      loaded.components.set(r.name, r.component);
      continue;
    }
    loaded.failed.add(r.name);
    const problem = firstBuildMessage(r.cause);
    loaded.diagnostics.push(
      diagnostic("layout.invalid", {
        file: layoutDiagnosticPath(r.file, siteRoot),
        message: `layout "${r.name}" cannot be loaded: ${problem?.message ?? r.error}`,
        ...(problem ? { range: pointRange(problem.line, problem.character, problem.length) } : {}),
      }),
    );
  }
  return loaded;
}

export async function createLayoutEngine(options: LayoutEngineOptions): Promise<LayoutEngine> {
  const { host, siteRoot } = options;
  const templateDirs = [join(siteRoot, "templates"), ...options.themeDirs.map((d) => join(d, "templates"))];
  for (const dir of templateDirs)
    if (!dir.startsWith(join(BUILTIN_THEME_DIR, "templates"))) registerTemplateDir(dir);
  const files = await indexLayoutFiles(host, templateDirs);
  // A changed helper module must reach layouts that were imported before (a dev-server rebuild).
  const helpers = await helpersVersion(
    host,
    templateDirs.filter((d) => !d.startsWith(join(BUILTIN_THEME_DIR, "templates"))),
  );
  setHelperVersion(helpers);
  const { components, failed, diagnostics } = await loadAll(host, siteRoot, files, helpers);
  const names = [...files.keys()];
  const fileSet = new Set(files.values());
  const exists = (name: string): boolean => files.has(name);

  const lookup = (name: string): Component => {
    const component = components.get(name);
    if (component) return component;
    if (failed.has(name)) throw new Error(`layout "${name}" could not be loaded (see layout.invalid)`);
    const guess = didYouMean(name, names);
    throw new Error(`no layout named "${name}"${guess ? `; did you mean "${guess}"?` : ""}`);
  };

  return {
    names,
    partials: names.filter((n) => n.startsWith("partials/")),
    diagnostics,
    has: exists,
    file: (name) => files.get(name),
    choose: (page, layoutRange) => chooseLayout(page, names, layoutRange),
    render(name, data) {
      const used = new Set<string>([name]);
      const use = <P>(n: string): Component<P> => {
        used.add(n);
        return lookup(n) as unknown as Component<P>;
      };
      const file = files.get(name) ?? join(templateDirs[0]!, name);
      try {
        const props: LayoutProps = { ...data, use };
        let html = stringify(name, lookup(name)(props));
        if (!DOCTYPE.test(html) && /^\s*<html[\s>]/i.test(html)) html = `<!DOCTYPE html>${html}`;
        return { html, used: [...used].sort() };
      } catch (error) {
        const at = error instanceof AsyncLayout ? null : locateInStack(error, fileSet);
        const message = error instanceof Error ? error.message : String(error);
        throw new LayoutError(message, {
          layout: name,
          absolutePath: at?.file ?? file,
          siteRoot,
          location: at?.location ?? null,
          cause: error,
        });
      }
    },
  };
}
