/** What the status-bar item reflects: the last build and the dev server, independently. */
export interface Status {
  readonly build:
    | { readonly kind: "idle" }
    | { readonly kind: "building"; readonly full: boolean }
    | { readonly kind: "built"; readonly errors: number; readonly warnings: number }
    | { readonly kind: "failed"; readonly message: string };
  readonly server:
    | { readonly kind: "stopped" }
    | { readonly kind: "starting" }
    | { readonly kind: "running"; readonly url: string };
}

export type StatusEvent =
  | { readonly type: "buildStarted"; readonly full: boolean }
  | { readonly type: "buildFinished"; readonly errors: number; readonly warnings: number }
  | { readonly type: "buildFailed"; readonly message: string }
  | { readonly type: "buildCancelled" }
  | { readonly type: "serverStarting" }
  | { readonly type: "serverStarted"; readonly url: string }
  | { readonly type: "serverStopped" };

export const initialStatus: Status = { build: { kind: "idle" }, server: { kind: "stopped" } };

export function nextStatus(state: Status, event: StatusEvent): Status {
  switch (event.type) {
    case "buildStarted":
      return { ...state, build: { kind: "building", full: event.full } };
    case "buildFinished":
      return { ...state, build: { kind: "built", errors: event.errors, warnings: event.warnings } };
    case "buildFailed":
      return { ...state, build: { kind: "failed", message: event.message } };
    case "buildCancelled":
      return { ...state, build: { kind: "idle" } };
    case "serverStarting":
      return { ...state, server: { kind: "starting" } };
    case "serverStarted":
      return { ...state, server: { kind: "running", url: event.url } };
    case "serverStopped":
      return { ...state, server: { kind: "stopped" } };
  }
}

/** The status-bar item as data; `tone` maps to the error/warning background colours. */
export interface StatusView {
  readonly text: string;
  readonly tooltip: string;
  readonly command: "bengal.openServer" | "bengal.showOutput";
  readonly tone: "normal" | "warning" | "error";
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Host and port only: the status bar is narrow. */
function shortUrl(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function viewStatus(state: Status): StatusView {
  const parts: string[] = [];
  const tips: string[] = [];
  let tone: StatusView["tone"] = "normal";
  const b = state.build;
  switch (b.kind) {
    case "idle":
      parts.push("$(book) Bengal");
      tips.push("Bengal: no build yet");
      break;
    case "building":
      parts.push("$(sync~spin) Bengal: building");
      tips.push(b.full ? "Bengal: full rebuild in progress" : "Bengal: build in progress");
      break;
    case "built":
      if (b.errors > 0) {
        parts.push(`$(error) Bengal: ${plural(b.errors, "error")}`);
        tone = "error";
      } else if (b.warnings > 0) {
        parts.push(`$(warning) Bengal: ${plural(b.warnings, "warning")}`);
        tone = "warning";
      } else {
        parts.push("$(check) Bengal: built");
      }
      tips.push(`Bengal: last build had ${plural(b.errors, "error")} and ${plural(b.warnings, "warning")}`);
      break;
    case "failed":
      parts.push("$(error) Bengal: build failed");
      tips.push(`Bengal: ${b.message}`);
      tone = "error";
      break;
  }
  const s = state.server;
  if (s.kind === "starting") {
    parts.push("$(loading~spin) server");
    tips.push("Dev server starting");
  } else if (s.kind === "running") {
    parts.push(`$(globe) ${shortUrl(s.url)}`);
    tips.push(`Dev server at ${s.url} (click to open)`);
  }
  return {
    text: parts.join("  "),
    tooltip: tips.join("\n"),
    command: s.kind === "running" ? "bengal.openServer" : "bengal.showOutput",
    tone,
  };
}
