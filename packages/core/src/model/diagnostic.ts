import type { Range } from "./range.ts";

export type Severity = "error" | "warning" | "info";

/**
 * A problem found in the user's input. Stages return these instead of throwing so that
 * one bad page never hides the others, and the language server shows the very same list.
 */
export interface Diagnostic {
  /** Stable code from the catalog (`diagnostics/catalog.ts`), e.g. `frontmatter.invalid-yaml`. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** What the user can do about it. */
  readonly hint?: string;
  /** Site-relative POSIX path (`content/docs/intro.md`, `bengal.toml`). */
  readonly file: string;
  readonly range: Range;
}
