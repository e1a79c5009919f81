import { deserialize } from "node:v8";
import { createBunHost } from "../host/bun-host.ts";
import type { RenderTarget } from "../model/site.ts";
import {
  createRenderContext,
  type PageFacts,
  type PageGroupResult,
  type RenderContext,
} from "./page-render.ts";
import type { RenderSnapshot } from "./snapshot.ts";

export interface RenderTask {
  /** Identifies the build; a worker keeps its engines for the build it last served. */
  readonly buildId: string;
  /** `v8.serialize(RenderSnapshot)`, shared with every worker without copying. */
  readonly snapshot: SharedArrayBuffer;
  readonly groups: ReadonlyArray<{ pageId: string; targets: readonly RenderTarget[]; facts?: PageFacts }>;
}

let current: { buildId: string; context: Promise<RenderContext> } | null = null;

/** Tinypool entry: renders a batch of pages with engines built once per worker and build. */
export default async function renderBatch(task: RenderTask): Promise<PageGroupResult[]> {
  if (current?.buildId !== task.buildId) {
    const previous = current?.context;
    previous?.then((c) => c.close()).catch(() => undefined);
    const snapshot = deserialize(Buffer.from(task.snapshot)) as RenderSnapshot;
    current = { buildId: task.buildId, context: createRenderContext(snapshot, createBunHost()) };
  }
  const context = await current.context;
  const out: PageGroupResult[] = [];
  for (const group of task.groups)
    out.push(await context.renderGroup(group.pageId, group.targets, group.facts));
  // The pool may end this thread after the last batch: its new blocks are stored now.
  context.flush();
  return out;
}
