export * from "./analysis.ts";
export { build } from "./build/build.ts";
export { clean } from "./build/clean.ts";
export { BuildError, type BuildOptions } from "./build/options.ts";
export { type BuildSession, createBuildSession, type FileChange } from "./build/session.ts";
// `@jsxImportSource @bengal/core` (the built-in theme) imports `createElement` from here for an
// element with `key` after a spread.
export { createElement } from "./render/layouts/html-runtime.ts";
export type { LayoutProps, SiteView } from "./render/layouts/props.ts";
export type { LiveMessage } from "./serve/protocol.ts";
export {
  type DevServer,
  type DevServerOptions,
  PortInUseError,
  type RebuildEvent,
  startDevServer,
} from "./serve/server.ts";
export { VERSION } from "./version.ts";
