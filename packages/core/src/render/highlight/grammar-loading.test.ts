import { expect, test } from "bun:test";
import { createHighlighter, PRELOADED_LANGUAGES } from "./highlighter.ts";

const config = { enabled: true, light: "github-light", dark: "github-dark", line_numbers: false } as const;

/** Blocks whose colours could depend on which grammars are loaded: fences inside markdown above all. */
const BLOCKS: Array<[string, string]> = [
  [
    "markdown",
    '# Title\n\n```ts\nconst x: number = 1;\n```\n\n```python\ndef f():\n    return 2\n```\n\n```rust\nfn main() {}\n```\n\n<div class="x">html</div>\n\n```unknownlang\nplain\n```',
  ],
  ["md", "```yaml\nkey: value\n```\n\n```sql\nSELECT 1;\n```\n\n```c\nint main() { return 0; }\n```"],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a JavaScript template literal inside HTML, as code.
  ["html", "<style>a { color: red }</style>\n<script>const y = `t${1}`;</script>\n<p id=x>hi</p>"],
  [
    "typescript",
    "import x from 'y';\nexport type T<U> = { a: U } | null;\nconst re = /a+b/g;\n/** doc */\nfunction f(a: T<string>): void {}",
  ],
  [
    "cpp",
    "#include <vector>\n#define SQ(x) ((x) * (x))\nint main() { std::vector<int> v{1, 2}; return SQ(v[0]); }",
  ],
  ["cpp-macro", "#define A(x) (x + 1)"],
  [
    "vue",
    '<template><div :class="a">{{ msg }}</div></template>\n<script setup lang="ts">\nconst msg: string = \'hi\'\n</script>\n<style scoped>div { color: red }</style>',
  ],
  ["php", "<?php\n$rows = $db->query('SELECT * FROM t');\necho \"<p>{$rows}</p>\";\n?>"],
  ["bash", 'for f in *.md; do\n  echo "$f" | tr a-z A-Z\ndone\ncat <<EOF\nhello\nEOF'],
  ["go", "package main\nfunc main() { fmt.Println(`raw`) }"],
];

/** Every preloaded grammar loaded before the blocks, as the highlighter once started. */
async function everythingFirst() {
  const h = await createHighlighter(config);
  for (const lang of PRELOADED_LANGUAGES) await h.highlight("x", lang);
  return h;
}

test("grammars loaded on first need highlight as if every preloaded grammar were there, in any order", async () => {
  // Compared in the same order on both sides: a grammar outside the preloaded set (php's HTML
  // derivative) changes what markdown finds loaded after it, as it always has.
  const orders = [BLOCKS, [...BLOCKS].reverse(), ...BLOCKS.map((b) => [b])];
  for (const order of orders) {
    const reference = await everythingFirst();
    const lazy = await createHighlighter(config);
    for (const [lang, code] of order) {
      const expected = (await reference.highlight(code, lang)).html;
      expect({ lang, html: (await lazy.highlight(code, lang)).html }).toEqual({ lang, html: expected });
    }
    reference.dispose();
    lazy.dispose();
  }
}, 60_000);
