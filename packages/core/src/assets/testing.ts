import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { crc32, deflateSync } from "node:zlib";
import type { Host } from "../host/host.ts";
import { dirname, join } from "../host/path.ts";

/** Test helpers: Bun.build and the workers need real files, so asset tests use temp folders. */

export interface TempSite {
  readonly root: string;
  write(path: string, content: string | Uint8Array): string;
  [Symbol.dispose](): void;
}

export function tempSite(): TempSite {
  const root = mkdtempSync(join(tmpdir(), "bengal-assets-"));
  return {
    root,
    write(path, content) {
      const abs = join(root, path);
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, content);
      return abs;
    },
    [Symbol.dispose]: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Only `readBytes` is used by the asset stage. */
export function diskHost(): Host {
  const unused = () => Promise.reject(new Error("not used by assets"));
  return {
    readBytes: async (path) => new Uint8Array(await readFile(path)),
    readText: unused,
    list: unused,
    stat: unused,
    write: unused,
    remove: unused,
  };
}

/** A valid RGB PNG of `size`×`size` pixels, its data deflated at `level`, plus a text chunk. */
export function makePng(size: number, seed: number, level = 1): Uint8Array {
  const row = (y: number) => [
    0,
    ...Array.from({ length: size * 3 }, (_, x) => (x * 7 + y * 13 + seed) % 256),
  ];
  const raw = new Uint8Array(Array.from({ length: size }, (_, y) => row(y)).flat());
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, size);
  view.setUint32(4, size);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return concat([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("tEXt", new TextEncoder().encode("Comment\0test")),
    chunk("IDAT", new Uint8Array(deflateSync(raw, { level }))),
    chunk("IEND", new Uint8Array()),
  ]);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const typed = concat([new TextEncoder().encode(type), data]);
  const out = new Uint8Array(8 + typed.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(typed, 4);
  view.setUint32(4 + typed.length, crc32(typed));
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
