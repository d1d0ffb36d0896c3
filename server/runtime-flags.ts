/**
 * The V8 flags the server runs with: `npm start` / `npm run serve` pass them to the bundled server
 * (dist/server/main.mjs, server/bundle.ts; package.json, kept equal by
 * runtime-flags.test.ts), and the benchmarks start their server process with them too, so the
 * memory figures are the product's.
 *
 * Why: with V8's defaults on a machine with plenty of memory the heap grows well past what the
 * server needs before a major GC; the soak's peak RSS was 367 MB at 207 approvals/s. A 512 MB
 * old space and 4 MB semi-spaces kept it at 182 MB with the CPU per approval unchanged within
 * the noise (3.47 against 3.1–3.6 ms; BENCHMARKS.md, "Soak at length"). 512 MB, not 256: a
 * 100,000-row .xlsx catalog import needs a 296 MB heap and ran out at 256.
 *
 * 16 MB semi-spaces, not 4: an approval over HTTP allocates ≈ 240 KB, and with 4 MB the young
 * generation was scavenged ~40 times a second at 700 approvals/s; 16 MB cut the server's CPU
 * per approval by 11–15% (1,975 → 1,753 µs median of three alternating pairs,
 * bench/profiles/http-server-cpu.ts) for ≈ 30 MB more RSS (BENCHMARKS.md, "Session of 12:15").
 */
export const SERVER_NODE_FLAGS = ['--max-old-space-size=512', '--max-semi-space-size=16'] as const;
