const encoder = new TextEncoder();

/** Fast non-cryptographic content hash (64-bit wyhash), hex. */
export function contentHash(data: string | Uint8Array): string {
  const bytes = typeof data === "string" ? encoder.encode(data) : data;
  return Bun.hash(bytes).toString(16).padStart(16, "0");
}
