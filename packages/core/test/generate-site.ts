import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** A deterministic site of `n` pages in 5 sections, with tags, code and cross links. */
export function generateSite(root: string, n: number): void {
  mkdirSync(join(root, "content"), { recursive: true });
  writeFileSync(
    join(root, "bengal.toml"),
    '[site]\ntitle = "Generated"\nbaseurl = "https://gen.example/docs"\n',
  );
  for (let s = 0; s < 5; s++) {
    mkdirSync(join(root, "content", `s${s}`), { recursive: true });
    writeFileSync(
      join(root, "content", `s${s}`, "_index.md"),
      `---\ntitle: Section ${s}\nweight: ${5 - s}\n---\nSection ${s}.\n`,
    );
  }
  for (let i = 0; i < n; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    const target = `../s${(i + 1) % 5}/p${(i + 1) % n}.md#heading-${(i + 1) % n}`;
    writeFileSync(
      join(root, "content", `s${i % 5}`, `p${i}.md`),
      [
        "---",
        `title: Page ${i}`,
        `date: 2025-0${(i % 9) + 1}-${day}`,
        `tags: [t${i % 7}, common]`,
        "---",
        `# Heading ${i}`,
        "",
        `Text with a [link](${target}) and **bold** words.`,
        "",
        "```ts",
        `const x${i}: number = ${i};`,
        "```",
        "",
        "| a | b |",
        "| - | - |",
        `| ${i} | ${i * 2} |`,
        "",
      ].join("\n"),
    );
  }
}
