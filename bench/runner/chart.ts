/** Dependency-free SVG charts for the results folder (the README shows them). */

const COLORS = ["#d9480f", "#1971c2", "#2f9e44", "#7048e8"];
const W = 640;
const H = 360;
const PAD = { left: 70, right: 150, top: 40, bottom: 50 };

export interface Series {
  readonly name: string;
  readonly points: readonly (readonly [number, number])[];
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function frame(title: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif" font-size="12" role="img" aria-label="${esc(title)}">
<title>${esc(title)}</title>
<rect width="${W}" height="${H}" fill="#fff"/>
<text x="${W / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">${esc(title)}</text>
${body}
</svg>
`;
}

/** Seconds (y) against pages (x), one line per series. */
export function lineChart(title: string, series: readonly Series[]): string {
  const xs = series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = series.flatMap((s) => s.points.map((p) => p[1]));
  const xMax = Math.max(1, ...xs);
  const yMax = Math.max(1, ...ys) * 1.1;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (v: number) => Math.round(PAD.left + (v / xMax) * plotW);
  const y = (v: number) => Math.round(PAD.top + plotH - (v / yMax) * plotH);
  const parts: string[] = [];
  for (let i = 0; i <= 4; i++) {
    const v = (yMax / 4) * i;
    parts.push(
      `<line x1="${PAD.left}" x2="${PAD.left + plotW}" y1="${y(v)}" y2="${y(v)}" stroke="#e9ecef"/>`,
      `<text x="${PAD.left - 8}" y="${y(v) + 4}" text-anchor="end">${v.toFixed(1)} s</text>`,
    );
  }
  for (const v of [...new Set(xs)].sort((a, b) => a - b)) {
    parts.push(
      `<text x="${x(v)}" y="${H - PAD.bottom + 18}" text-anchor="middle">${v.toLocaleString("en-US")}</text>`,
    );
  }
  parts.push(`<text x="${PAD.left + plotW / 2}" y="${H - 12}" text-anchor="middle">pages</text>`);
  series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length]!;
    const pts = [...s.points].sort((a, b) => a[0] - b[0]);
    parts.push(
      `<polyline fill="none" stroke="${color}" stroke-width="2.5" points="${pts.map(([a, b]) => `${x(a)},${y(b)}`).join(" ")}"/>`,
      ...pts.map(([a, b]) => `<circle cx="${x(a)}" cy="${y(b)}" r="3.5" fill="${color}"/>`),
      `<rect x="${W - PAD.right + 16}" y="${PAD.top + i * 22}" width="12" height="12" fill="${color}"/>`,
      `<text x="${W - PAD.right + 34}" y="${PAD.top + i * 22 + 11}">${esc(s.name)}</text>`,
    );
  });
  return frame(title, parts.join("\n"));
}

/** Horizontal bars, one per label, in milliseconds. */
export function barChart(title: string, bars: readonly { label: string; ms: number }[]): string {
  const left = 260;
  const plotW = W - left - 80;
  const max = Math.max(1, ...bars.map((b) => b.ms));
  const rowH = Math.min(28, (H - PAD.top - 20) / Math.max(1, bars.length));
  const parts = bars.map((b, i) => {
    const top = PAD.top + i * rowH;
    const w = Math.round((b.ms / max) * plotW);
    const label = b.ms >= 1000 ? `${(b.ms / 1000).toFixed(2)} s` : `${Math.round(b.ms)} ms`;
    return [
      `<text x="${left - 8}" y="${top + rowH / 2 + 4}" text-anchor="end">${esc(b.label)}</text>`,
      `<rect x="${left}" y="${top + 3}" width="${Math.max(1, w)}" height="${rowH - 6}" fill="${COLORS[i % 2 ? 1 : 0]}"/>`,
      `<text x="${left + w + 6}" y="${top + rowH / 2 + 4}">${label}</text>`,
    ].join("\n");
  });
  return frame(title, parts.join("\n"));
}
