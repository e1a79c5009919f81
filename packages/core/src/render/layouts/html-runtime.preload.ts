/**
 * Test-only Bun preload for html-runtime.test.ts's whole-site comparison (never imported by the build).
 * It sends the built-in theme's templates through the loader's rewrite, so they render with the same
 * runtime as site templates, and with `BENGAL_TEST_JSX=hono` makes that runtime hono's own.
 */
import { plugin } from "bun";
import { builtinThemeDir } from "../../discover/theme-dir.ts";
import { rewriteLayoutSource } from "./loader-plugin.ts";

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const themeTemplates = new RegExp(`^${escapeRegExp(`${builtinThemeDir()}/templates/`)}.*\\.tsx(\\?.*)?$`);

plugin({
  name: "bengal-test-jsx-runtime",
  setup(build) {
    // The markers on stderr let the test check that this preload really did its work.
    build.onLoad({ filter: themeTemplates }, async (args) => {
      console.error("bengal-test-jsx: theme template rewritten");
      return {
        contents: rewriteLayoutSource(await Bun.file(args.path.replace(/\?.*$/, "")).text()),
        loader: "tsx",
      };
    });
    if (process.env.BENGAL_TEST_JSX !== "hono") return;
    // package.json maps `@bengal/core/jsx-dev-runtime` to jsx-runtime.ts, so both files offer `jsxDEV`.
    build.onLoad({ filter: /\/render\/layouts\/jsx-(dev-)?runtime\.ts$/ }, () => ({
      contents: `export * from "hono/jsx/jsx-runtime"; export { jsxDEV } from "hono/jsx/jsx-dev-runtime";
        console.error("bengal-test-jsx: hono runtime");`,
      loader: "ts",
    }));
  },
});
