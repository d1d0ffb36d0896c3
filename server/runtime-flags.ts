/**
 * The V8 flags the server runs with: `npm start` / `npm run serve` pass them (package.json, kept equal by
 * runtime-flags.test.ts), and the benchmarks start their server process with them too, so the
 * memory figures are the product's.
 *
 * Why: with V8's defaults on a machine with plenty of memory the heap grows well past what the
 * server needs before a major GC; the soak's peak RSS was 367 MB at 207 approvals/s. A 512 MB
 * old space and 4 MB semi-spaces kept it at 182 MB with the CPU per approval unchanged within
 * the noise (3.47 against 3.1–3.6 ms; BENCHMARKS.md, "Soak at length"). 512 MB, not 256: a
 * 100,000-row .xlsx catalog import needs a 296 MB heap and ran out at 256.
 */
export const SERVER_NODE_FLAGS = ['--max-old-space-size=512', '--max-semi-space-size=4'] as const;
