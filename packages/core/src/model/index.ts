export type * from "./config.ts";
export type * from "./diagnostic.ts";
export type * from "./output.ts";
export type * from "./page.ts";
export * from "./range.ts";
export type * from "./render.ts";
export type * from "./site.ts";
