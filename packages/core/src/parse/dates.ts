import { TomlDate } from "smol-toml";

const DATE_RE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|z|[+-]\d{1,2}(?::?\d{2})?)?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * `2025-10-01`, `2025-10-01 10:00`, `2025-10-01T10:00:00+02:00`, … → Date. Values without a
 * zone are read as UTC so the same site builds to the same bytes on every machine.
 * Returns null for anything else (including impossible dates such as `2025-02-30`).
 */
export function parseDateString(text: string): Date | null {
  const m = DATE_RE.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((v) =>
    v === undefined ? 0 : Number(v),
  ) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 60) return null;
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, "0")) : 0;
  let offsetMinutes = 0;
  const zone = m[8];
  if (zone && zone.toUpperCase() !== "Z") {
    const zm = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone)!;
    const h = Number(zm[2]);
    const mins = Number(zm[3] ?? 0);
    if (h > 23 || mins > 59) return null;
    offsetMinutes = (zm[1] === "-" ? -1 : 1) * (h * 60 + mins);
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), ms);
  return new Date(utc - offsetMinutes * 60_000);
}

/** A front matter value as a Date: TOML dates (local ones are UTC already), YAML or TOML strings. */
export function parseDateValue(value: unknown): Date | null {
  if (value instanceof TomlDate) {
    if (value.isTime() || !value.isValid()) return null;
    return new Date(value.getTime());
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : new Date(value.getTime());
  if (typeof value === "string") return parseDateString(value);
  return null;
}
