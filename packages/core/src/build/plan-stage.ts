import type { Database } from "bun:sqlite";
import { planRender, type RenderPlan } from "../cache/render-cache.ts";
import type { Host } from "../host/host.ts";
import { join } from "../host/path.ts";
import { createDepValues, type DepEnvironment } from "../render/track/dep-value.ts";
import type { RenderGroup } from "./render-stage.ts";

/**
 * Which pages must render in an incremental build: those with a recorded dependency whose
 * value changed, plus those whose output file went missing from disk.
 */
export async function planIncremental(
  host: Host,
  outputDir: string,
  db: Database,
  groups: readonly RenderGroup[],
  env: DepEnvironment,
): Promise<RenderPlan> {
  const plan = planRender(db, groups, createDepValues(env));
  const missing = new Set<string>();
  await Promise.all(
    plan.reused.map(async (result) => {
      for (const t of result.targets) {
        if ((await host.stat(join(outputDir, t.outputPath)))?.kind !== "file") missing.add(result.pageId);
      }
    }),
  );
  if (missing.size === 0) return plan;
  const byId = new Map(groups.map((g) => [g.pageId, g]));
  const reasons = new Map(plan.reasons);
  reasons.set("output file missing", missing.size);
  return {
    render: [
      ...plan.render,
      ...plan.reused
        .filter((r) => missing.has(r.pageId))
        .map((r) => ({ ...byId.get(r.pageId)!, ...(r.facts ? { facts: r.facts } : {}) })),
    ],
    reused: plan.reused.filter((r) => !missing.has(r.pageId)),
    reasons,
  };
}
