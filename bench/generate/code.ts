import type { Rng } from "./prng.ts";
import { WORDS } from "./words.ts";

export const LANGUAGES = ["js", "python", "rust", "go", "ts"] as const;
export type Language = (typeof LANGUAGES)[number];

interface Names {
  readonly name: string;
  readonly Type: string;
  readonly field: string;
  readonly n: number;
}

// Each snippet varies its names and numbers per page, so no two pages share a block (a
// highlighter cache cannot turn a cold build into a lookup).
const SNIPPETS: Record<Language, (x: Names) => string> = {
  js: ({ name, field, n }) => `// Load ${name} records and keep the ones above the threshold.
export async function load_${name}(client, options = {}) {
  const response = await client.get(\`/api/${name}/\${options.id ?? ${n}}\`);
  if (!response.ok) throw new Error(\`request failed: \${response.status}\`);
  const items = await response.json();
  return items
    .filter((item) => item.${field} > ${n})
    .map((item) => ({ ...item, label: item.name.toUpperCase(), rank: ${n % 7} }));
}`,
  python: ({ name, Type, field, n }) => `from dataclasses import dataclass


@dataclass
class ${Type}:
    """A ${name} entry with its ${field}."""
    name: str
    ${field}: int = ${n}

    def score(self, factor: float = 1.5) -> float:
        # Weighted so recent entries rank first.
        return sum(ord(c) for c in self.name) * factor + self.${field}


def top_${name}(items: list[${Type}], limit: int = ${(n % 10) + 1}) -> list[str]:
    return [i.name for i in sorted(items, key=lambda i: i.score(), reverse=True)[:limit]]`,
  rust: ({ name, Type, field, n }) => `use std::collections::HashMap;

/// Counts ${name} entries by their ${field}.
#[derive(Debug, Clone)]
pub struct ${Type} {
    pub name: String,
    pub ${field}: u32,
}

pub fn count_${name}(items: &[${Type}]) -> HashMap<u32, usize> {
    let mut counts = HashMap::new();
    for item in items.iter().filter(|i| i.${field} > ${n}) {
        *counts.entry(item.${field}).or_insert(0) += 1;
    }
    counts
}`,
  go: ({ name, Type, field, n }) => `package ${name}

import (
	"fmt"
	"sort"
)

// ${Type} is one ${name} entry.
type ${Type} struct {
	Name  string
	Value int // the ${field}
}

func Top${Type}(items []${Type}, limit int) []string {
	sort.Slice(items, func(a, b int) bool { return items[a].Value > items[b].Value })
	out := make([]string, 0, limit)
	for _, it := range items[:min(limit, len(items))] {
		out = append(out, fmt.Sprintf("%s=%d", it.Name, it.Value+${n}))
	}
	return out
}`,
  ts: ({ name, Type, field, n }) => `interface ${Type} {
  readonly name: string;
  readonly ${field}: number;
  readonly tags?: readonly string[];
}

/** Groups ${name} entries by their first tag; untagged ones go under "other". */
export function group${Type}(items: readonly ${Type}[]): Map<string, ${Type}[]> {
  const groups = new Map<string, ${Type}[]>();
  for (const item of items) {
    if (item.${field} < ${n}) continue;
    const key = item.tags?.[0] ?? "other";
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}`,
};

const IDENT = WORDS.filter((w) => w.length > 3);

export function codeBlock(rng: Rng, language: Language): string {
  const name = `${rng.pick(IDENT)}_${rng.pick(IDENT)}`;
  const Type = name
    .split("_")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
  const snippet = SNIPPETS[language]({ name, Type, field: rng.pick(IDENT), n: rng.int(1, 999) });
  return `\`\`\`${language}\n${snippet}\n\`\`\``;
}
