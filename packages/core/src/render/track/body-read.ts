import type { Page } from "../../model/page.ts";

/**
 * Read on a tracked page, this records a dependency on the page's body without loading it.
 * A view that keeps something made from a body (an excerpt) uses it when it serves that again:
 * the render depends on the body exactly as if it had read it, and page workers, which read
 * bodies from the cache on demand, do not hold every body their lists show.
 */
export const BODY_READ: unique symbol = Symbol("bengal.bodyRead");

export function noteBodyRead(page: Page): void {
  void (page as Page & { [BODY_READ]?: unknown })[BODY_READ];
}
