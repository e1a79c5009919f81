import type { FileChange } from "../build/session.ts";
import type { OverlayError } from "./overlay.ts";
import type { LiveMessage } from "./protocol.ts";

export interface RebuildOutcome {
  /** Source changes that caused the rebuild (empty for a full rebuild). */
  readonly changes: readonly FileChange[];
  /** Output paths written or removed. */
  readonly changedPaths: readonly string[];
  /** Errors of this build (empty when it succeeded). */
  readonly errors: readonly OverlayError[];
  /** Whether the browsers currently show an error overlay. */
  readonly hadErrors: boolean;
}

/**
 * What the browsers are told after a rebuild: the errors when there are some (or that they
 * are gone), then a stylesheet swap for a CSS-only edit, or a reload of the pages whose
 * output changed. A failed build still reloads what it rewrote, so one lingering error
 * (a broken link) never stops live reload; the overlay comes back with the page.
 */
export function planMessages(outcome: RebuildOutcome): LiveMessage[] {
  const messages: LiveMessage[] = [];
  if (outcome.errors.length > 0 || outcome.hadErrors)
    messages.push({ type: "errors", errors: outcome.errors });
  if (outcome.changedPaths.length === 0) return messages;
  messages.push(cssOnly(outcome.changes) ? { type: "css" } : { type: "reload", paths: outcome.changedPaths });
  return messages;
}

function cssOnly(changes: readonly FileChange[]): boolean {
  return changes.length > 0 && changes.every((c) => c.kind !== "delete" && /\.css$/i.test(c.path));
}
