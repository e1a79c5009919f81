// One measurement of the language server's Site on an existing site folder, in a fresh process:
// `measure.ts <root>` prints one JSON line. Runs on Bun from source and on Node as a bundle
// (site-10k.ts builds it), as VS Code runs the server.
import { createDiskHost } from "../src/workspace/disk-host.ts";
import { createOverlayHost } from "../src/workspace/overlay-host.ts";
import { Site } from "../src/workspace/site.ts";

async function measure(root: string): Promise<void> {
  const buffers = new Map<string, string>();
  const site = new Site(root, createOverlayHost(createDiskHost(), buffers));
  let t = performance.now();
  await site.load();
  const loadMs = performance.now() - t;
  // Everything a client would be sent: the diagnostics of every file.
  for (const file of site.takeDirty()) site.diagnosticsFor(file);
  const publishedMs = performance.now() - t;
  const rss = process.memoryUsage().rss / 1e6;

  const file = "content/s1/p1.md";
  const path = `${root}/${file}`;
  const base = site.docs.get(file)!.text;
  const time = async (edit: (i: number) => string, n: number): Promise<number[]> => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      buffers.set(path, edit(i));
      t = performance.now();
      await site.apply([{ path, kind: "change" }]);
      for (const f of site.takeDirty()) site.diagnosticsFor(f);
      out.push(performance.now() - t);
    }
    return out.sort((a, b) => a - b);
  };
  const keys = await time((i) => base.replace("A [link]", `A ${i} [link]`), 100);
  const fm = await time((i) => base.replace("title: Page", `title: Page${i}`), 20);
  console.log(
    JSON.stringify({
      pages: site.docs.size,
      loadMs: Math.round(loadMs),
      publishedMs: Math.round(publishedMs),
      rssMB: Math.round(rss),
      keystrokeP95Ms: Number(keys[Math.floor(keys.length * 0.95)]!.toFixed(1)),
      frontMatterEditMedianMs: Number(fm[Math.floor(fm.length / 2)]!.toFixed(1)),
    }),
  );
}

await measure(process.argv[2]!);
