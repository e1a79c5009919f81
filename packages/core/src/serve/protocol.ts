import type { OverlayError } from "./overlay.ts";

/** The WebSocket endpoint; outside any baseurl prefix so every page reaches the same one. */
export const LIVE_PATH = "/__bengal/live";

/** Server → browser messages of the live-reload channel (JSON text frames). */
export type LiveMessage =
  /** Sent on connect: the current build errors (empty when the last build was clean). */
  | { readonly type: "hello"; readonly errors: readonly OverlayError[] }
  /** Show these errors, or hide the overlay when the list is empty. */
  | { readonly type: "errors"; readonly errors: readonly OverlayError[] }
  /** Output files written or removed (relative to the output folder); pages showing one of them reload. */
  | { readonly type: "reload"; readonly paths: readonly string[] }
  /** Only stylesheets changed: swap them in place. */
  | { readonly type: "css" };
