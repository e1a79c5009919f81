import type { StageTiming } from "../model/output.ts";

/** Times named stages; the orchestrator reads as a list of `stage(name, fn)` calls. */
export function createStageTimer(onProgress?: (event: { stage: string; ms: number }) => void) {
  const timings: StageTiming[] = [];
  return {
    timings,
    async stage<T>(name: string, run: () => Promise<T> | T): Promise<T> {
      const start = performance.now();
      try {
        return await run();
      } finally {
        const ms = Math.round((performance.now() - start) * 10) / 10;
        timings.push({ stage: name, ms });
        onProgress?.({ stage: name, ms });
      }
    },
  };
}
