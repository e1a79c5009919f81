import { type KnownValues, mentionsAny, movedKeys } from "../cache/key-values.ts";
import { planRender, type RenderPlan, type RenderRows } from "../cache/render-cache.ts";
import { type Host, statMany } from "../host/host.ts";
import { join } from "../host/path.ts";
import { createDepValues, type DepEnvironment } from "../render/track/dep-value.ts";
import type { RenderGroup } from "./render-stage.ts";

export interface KeyedPlan extends RenderPlan {
  /** Keys whose value moved since the key-values table was written; null without that table. */
  readonly moved: readonly string[] | null;
  readonly value: (key: string) => string;
}

/**
 * Which pages must render in an incremental build: those with a recorded dependency whose
 * value changed, plus those whose output file went missing from disk. `outputDir` is null when
 * only this process has written there since the cache was sealed (the dev server's own folder,
 * rebuilt by the same process): nothing to look for then.
 */
export async function planIncremental(
  host: Host,
  outputDir: string | null,
  rows: RenderRows,
  groups: readonly RenderGroup[],
  env: DepEnvironment,
  replaced?: readonly string[],
  /** The key values the stored rows recorded (`key-values.ts`), when that table is valid. */
  known?: KnownValues | null,
): Promise<KeyedPlan> {
  const value = createDepValues(env);
  const moved = known ? movedKeys(known.values, value, known.sameShape) : null;
  const plan = {
    ...planRender(rows, groups, value, replaced, moved ? mentionsAny(moved) : undefined),
    moved,
    value,
  };
  if (outputDir === null) return plan;
  const missing = new Set<string>();
  const reusedPaths = plan.reused.flatMap((result) => result.targets.map((t) => t.outputPath));
  const stats = await statMany(
    host,
    reusedPaths.map((p) => join(outputDir, p)),
  );
  stats.forEach((s, i) => {
    if (s?.kind !== "file") missing.add(reusedPaths[i]!);
  });
  if (missing.size === 0) return plan;
  const targetByPath = new Map(groups.flatMap((g) => g.targets.map((t) => [t.outputPath, t] as const)));
  const reasons = new Map(plan.reasons);
  reasons.set("output file missing", missing.size);
  const render = [...plan.render];
  const reused = [];
  for (const result of plan.reused) {
    const gone = result.targets.filter((t) => missing.has(t.outputPath));
    if (gone.length === 0) {
      reused.push(result);
      continue;
    }
    render.push({
      pageId: result.pageId,
      targets: gone.map((t) => targetByPath.get(t.outputPath)!),
      ...(result.facts ? { facts: result.facts } : {}),
    });
    const kept = result.targets.filter((t) => !missing.has(t.outputPath));
    if (kept.length > 0) reused.push({ ...result, facts: null, targets: kept });
  }
  return { render, reused, reasons, moved, value };
}
