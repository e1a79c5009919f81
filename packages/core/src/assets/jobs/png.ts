import { deflateSync, inflateSync } from "node:zlib";

/**
 * PNG structure: signature, then chunks of length(4) type(4) data crc(4) ending with IEND.
 * `checkPng` walks and CRC-checks every chunk, catching truncated or corrupted files;
 * `recompressPng` re-deflates the image data at level 9, which changes no pixel.
 */
const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

interface Chunk {
  readonly type: string;
  readonly data: Uint8Array;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array, seed = 0xffffffff): number {
  let c = seed;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return c;
}

function chunkCrc(type: Uint8Array, data: Uint8Array): number {
  return (crc32(data, crc32(type)) ^ 0xffffffff) >>> 0;
}

/** The chunks, or the reason the file is not a whole PNG. */
export function readPng(bytes: Uint8Array): Chunk[] | string {
  if (bytes.length < 8 || SIGNATURE.some((b, i) => bytes[i] !== b)) return "not a PNG file (bad signature)";
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: Chunk[] = [];
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    if (at + 12 + length > bytes.length) break;
    const typeBytes = bytes.subarray(at + 4, at + 8);
    const type = String.fromCharCode(...typeBytes);
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (chunkCrc(typeBytes, data) !== view.getUint32(at + 8 + length))
      return `corrupt PNG: bad checksum in ${type} chunk`;
    chunks.push({ type, data });
    at += 12 + length;
    if (type === "IEND")
      return chunks[0]?.type === "IHDR" ? chunks : "corrupt PNG: IHDR is not the first chunk";
  }
  return "corrupt PNG: the file is truncated";
}

export function recompressPng(bytes: Uint8Array, chunks: readonly Chunk[]): Uint8Array {
  const idat = chunks.filter((c) => c.type === "IDAT");
  if (idat.length === 0) return bytes;
  let raw: Uint8Array;
  try {
    raw = inflateSync(concat(idat.map((c) => c.data)));
  } catch {
    return bytes;
  }
  const packed = new Uint8Array(deflateSync(raw, { level: 9, memLevel: 9 }));
  const parts: Uint8Array[] = [new Uint8Array(SIGNATURE)];
  let wroteData = false;
  for (const c of chunks) {
    if (c.type !== "IDAT") parts.push(encodeChunk(c.type, c.data));
    else if (!wroteData) {
      parts.push(encodeChunk("IDAT", packed));
      wroteData = true;
    }
  }
  const out = concat(parts);
  return out.length < bytes.length ? out : bytes;
}

function encodeChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  const typeBytes = new Uint8Array([...type].map((c) => c.charCodeAt(0)));
  view.setUint32(0, data.length);
  out.set(typeBytes, 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, chunkCrc(typeBytes, data));
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
