import { diagnostic } from "../../diagnostics/create.ts";
import { extname } from "../../host/path.ts";
import { readPng, recompressPng } from "./png.ts";
import type { AssetJob, Processed, ReadBytes } from "./types.ts";

/**
 * Images are checked for a valid header (PNGs chunk by chunk) so a broken file is reported,
 * then copied. With `optimize`, PNG image data is re-deflated losslessly; JPEG, GIF and WebP
 * are copied as is (no pure-JS optimizer for them is both lossless and safe).
 */
export async function processImage(job: AssetJob, read: ReadBytes): Promise<Processed> {
  let bytes: Uint8Array;
  try {
    bytes = await read(job.source);
  } catch (error) {
    return fail(job, `cannot read ${job.rel}: ${(error as Error).message}`);
  }
  const ext = extname(job.rel).toLowerCase();
  if (ext === ".png") {
    const chunks = readPng(bytes);
    if (typeof chunks === "string") return fail(job, `${job.rel}: ${chunks}`);
    return {
      ok: true,
      content: job.options.optimize ? recompressPng(bytes, chunks) : bytes,
      diagnostics: [],
    };
  }
  const problem = headerProblem(ext, bytes);
  return problem ? fail(job, `${job.rel}: ${problem}`) : { ok: true, content: bytes, diagnostics: [] };
}

function headerProblem(ext: string, b: Uint8Array): string | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  switch (ext) {
    case ".jpg":
    case ".jpeg":
      return b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff ? null : "not a JPEG file (bad signature)";
    case ".gif":
      return ascii(0, 6) === "GIF87a" || ascii(0, 6) === "GIF89a" ? null : "not a GIF file (bad signature)";
    case ".webp":
      return ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP" ? null : "not a WebP file (bad signature)";
    default:
      return null;
  }
}

function fail(job: AssetJob, message: string): Processed {
  return { ok: false, diagnostics: [diagnostic("asset.failed", { file: job.file, message })] };
}
