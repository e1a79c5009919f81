import { createHash } from "node:crypto";

const utf8 = new TextEncoder();

/** 8 hex chars of the SHA-256 of the output bytes: stable across runs, workers and machines. */
export function contentHash(content: string | Uint8Array): string {
  const bytes = typeof content === "string" ? utf8.encode(content) : content;
  return createHash("sha256").update(bytes).digest("hex").slice(0, 8);
}

/** `css/style.css` + hash → `css/style.3f9a1c2b.css`; the hash goes before the last extension only. */
export function fingerprintName(rel: string, hash: string): string {
  const slash = rel.lastIndexOf("/");
  const dot = rel.lastIndexOf(".");
  if (dot <= slash + 1) return `${rel}.${hash}`;
  return `${rel.slice(0, dot)}.${hash}${rel.slice(dot)}`;
}
