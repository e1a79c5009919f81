import { diagnostic } from "../../diagnostics/create.ts";
import { contentHash, fingerprintName } from "../fingerprint.ts";
import type { AssetJob, BatchTask, CssContext, JobResult, Processed, ReadBytes } from "./types.ts";

/**
 * The one entry point for a job, inline or in a worker: process, then name the output
 * (hashed when fingerprinting, so the hash is computed where the bytes are).
 */
export async function runJob(job: AssetJob, ctx: CssContext | null, read: ReadBytes): Promise<JobResult> {
  let processed: Processed;
  try {
    processed = await dispatch(job, ctx, read);
  } catch (error) {
    // A job function that throws is a bug in it; the asset is reported and the rest go on.
    processed = {
      ok: false,
      diagnostics: [
        diagnostic("asset.failed", { file: job.file, message: `${job.rel}: ${(error as Error).message}` }),
      ],
    };
  }
  if (!processed.ok) return { rel: job.rel, out: null, content: null, diagnostics: processed.diagnostics };
  const out = job.options.fingerprint ? fingerprintName(job.rel, contentHash(processed.content)) : job.rel;
  return { rel: job.rel, out, content: processed.content, diagnostics: processed.diagnostics };
}

export async function runBatch(task: BatchTask, read: ReadBytes): Promise<JobResult[]> {
  const results: JobResult[] = [];
  for (const job of task.jobs) results.push(await runJob(job, task.context, read));
  return results;
}

/**
 * Job modules load on first use: a worker whose batches hold no SVG never loads the XML parser,
 * which keeps pool start-up short.
 */
async function dispatch(job: AssetJob, ctx: CssContext | null, read: ReadBytes): Promise<Processed> {
  switch (job.kind) {
    case "css":
      if (!ctx) throw new Error("CSS jobs need the asset table");
      return (await import("./css.ts")).processCss(job, ctx, read);
    case "js":
      return (await import("./js.ts")).processJs(job, read);
    case "svg":
      return (await import("./svg.ts")).processSvg(job, read);
    case "image":
      return (await import("./image.ts")).processImage(job, read);
    case "copy":
      return (await import("./copy.ts")).processCopy(job, read);
  }
}
