import { readFile } from "node:fs/promises";
import { runBatch } from "./jobs/run.ts";
import type { BatchTask, JobResult } from "./jobs/types.ts";

/**
 * The tinypool worker: runs one batch of jobs per task. A worker cannot receive the build's
 * Host (it is not cloneable), so it reads the sources from disk; the pool is only used for
 * real files, and the inline path keeps reading through the Host.
 */
export default function runAssetBatch(task: BatchTask): Promise<JobResult[]> {
  return runBatch(task, (path) => readFile(path));
}
