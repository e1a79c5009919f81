import { loadConfig } from "../config/load-config.ts";
import { createBunHost } from "../host/bun-host.ts";
import type { Host } from "../host/host.ts";
import { isInside, join, normalize } from "../host/path.ts";
import { BuildError } from "./options.ts";

export interface CleanOptions {
  /** Site root (absolute or relative to the working directory). */
  readonly root: string;
  readonly configPath?: string;
  /** Keep `.bengal/` (the incremental cache and output manifest). */
  readonly keepCache?: boolean;
  readonly host?: Host;
}

export interface CleanRefusal {
  readonly path: string;
  readonly reason: string;
}

export interface CleanResult {
  /** Absolute paths that existed and were removed. */
  readonly removed: string[];
  /** Folders left alone because removing them could destroy sources. */
  readonly refused: CleanRefusal[];
}

/**
 * Removes the output folder and `.bengal/`. The output folder comes from the config, so a
 * typo there must never wipe the site: anything that is not strictly inside the root, or
 * that holds or sits in `content/`, is refused with the reason instead of removed.
 */
export async function clean(options: CleanOptions): Promise<CleanResult> {
  const host = options.host ?? createBunHost();
  const root = options.root.startsWith("/") ? normalize(options.root) : join(process.cwd(), options.root);
  const loaded = await loadConfig(host, root, options.configPath);
  if (loaded.fatal) {
    throw new BuildError(
      `the config file ${loaded.file ?? options.configPath ?? ""} cannot be used`,
      loaded.diagnostics,
    );
  }
  const outputDir = loaded.config.build.output_dir;
  const output = outputDir.startsWith("/") ? normalize(outputDir) : join(root, outputDir);

  const removed: string[] = [];
  const refused: CleanRefusal[] = [];
  const refusal = await unsafeReason(host, root, output);
  if (refusal) refused.push({ path: output, reason: refusal });
  else if (await host.stat(output)) {
    await host.remove(output);
    removed.push(output);
  }

  const cache = join(root, ".bengal");
  if (!options.keepCache && (await host.stat(cache))) {
    await host.remove(cache);
    removed.push(cache);
  }
  return { removed, refused };
}

async function unsafeReason(host: Host, root: string, output: string): Promise<string | null> {
  if (output === root) return "output_dir is the site root itself";
  if (!isInside(root, output)) return "output_dir is outside the site root";
  const content = join(root, "content");
  if (isInside(content, output)) return "output_dir is inside content/";
  if ((await host.stat(join(output, "content")))?.kind === "dir")
    return "output_dir contains a content/ folder";
  return null;
}
