import { diagnostic } from "../../diagnostics/create.ts";
import type { AssetJob, Processed, ReadBytes } from "./types.ts";

/** Fonts, JSON, anything else: the bytes go out unchanged. */
export async function processCopy(job: AssetJob, read: ReadBytes): Promise<Processed> {
  try {
    return { ok: true, content: await read(job.source), diagnostics: [] };
  } catch (error) {
    return {
      ok: false,
      diagnostics: [
        diagnostic("asset.failed", {
          file: job.file,
          message: `cannot read ${job.rel}: ${(error as Error).message}`,
        }),
      ],
    };
  }
}
