import { extname } from "../host/path.ts";
import type { AssetKind } from "./jobs/types.ts";

const IMAGE = new Set([".png", ".jpg", ".jpeg", ".gif", ".webp"]);

export function assetKind(rel: string): AssetKind {
  const ext = extname(rel).toLowerCase();
  if (ext === ".css") return "css";
  if (ext === ".js" || ext === ".mjs") return "js";
  if (ext === ".svg") return "svg";
  return IMAGE.has(ext) ? "image" : "copy";
}
