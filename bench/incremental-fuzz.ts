/**
 * Runs the incremental-correctness test (random edits, each incremental build compared byte for
 * byte with a clean build) over many seeds: `bun bench/incremental-fuzz.ts [seeds] [steps]`.
 * CI runs one fixed seed; this explores more.
 */
const seeds = Number(process.argv[2] ?? 20);
const steps = Number(process.argv[3] ?? 25);
const failed: number[] = [];
for (let seed = 1; seed <= seeds; seed++) {
  const proc = Bun.spawnSync(
    [process.execPath, "test", "packages/core/test/incremental.test.ts", "-t", "incremental correctness"],
    {
      cwd: new URL("..", import.meta.url).pathname,
      env: { ...process.env, BENGAL_FUZZ_SEED: String(seed), BENGAL_FUZZ_STEPS: String(steps) },
      stdout: "pipe",
      stderr: "pipe",
    },
  );
  const ok = proc.exitCode === 0;
  if (!ok) failed.push(seed);
  console.log(`seed ${String(seed).padStart(3)}: ${ok ? "identical to clean builds" : "DIFFERS"}`);
  if (!ok) console.log(proc.stderr.toString().split("\n").slice(-40).join("\n"));
}
console.log(`\n${seeds - failed.length} of ${seeds} seeds × ${steps} edits matched clean builds`);
process.exit(failed.length > 0 ? 1 : 0);
