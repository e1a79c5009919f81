import { existsSync, statSync } from "node:fs";
import { dirname, join } from "node:path";

export const CONFIG_NAMES = ["bengal.toml", "bengal.yaml", "bengal.yml"] as const;

export function hasConfig(dir: string): boolean {
  return CONFIG_NAMES.some((name) => existsSync(join(dir, name)));
}

/** The nearest folder, from `start` upwards, that holds a Bengal config file. */
export function findSiteRoot(start: string): string | null {
  let dir = start;
  for (;;) {
    if (existsSync(dir) && statSync(dir).isDirectory() && hasConfig(dir)) return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** Today as `YYYY-MM-DD` in the local time zone: what the author sees on their calendar. */
export function localDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `my-first_post` → `My First Post`. */
export function titleFromName(name: string): string {
  return name
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(" ");
}
