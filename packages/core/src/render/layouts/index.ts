/**
 * The JSX import source's own module: site templates get this folder as their import source
 * (`loader-plugin.ts`), and Bun's automatic runtime imports `createElement` from the source
 * itself for an element with `key` after a spread (`<Card {...p} key={p.id} />`).
 */
export { createElement, Fragment } from "./html-runtime.ts";
