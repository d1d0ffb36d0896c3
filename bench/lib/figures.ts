/**
 * One measured figure, always beside the baseline it was measured against in the same run:
 * these machines are shared and noisy, so the ratio means more than the absolute number.
 */
export interface Figure {
  figure: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  /** value / baseline (or baseline / value when lower is better, so > 1 always means "better than baseline"). */
  ratio?: number;
  target?: string;
  /** null when the figure has no target (informational). */
  pass: boolean | null;
}

export interface BenchResult {
  name: string;
  quick: boolean;
  startedAt: string;
  durationMs: number;
  load: { loadavg1: number; cpus: number };
  notes: string[];
  figures: Figure[];
  /** Raw numbers worth keeping (latency distributions, sizes). */
  details: Record<string, unknown>;
}

export interface BenchContext {
  quick: boolean;
  note(text: string): void;
  detail(key: string, value: unknown): void;
}

export type Bench = (ctx: BenchContext) => Promise<Figure[]>;

export function figure(f: Omit<Figure, 'pass'> & { pass?: boolean | null }): Figure {
  return { pass: null, ...f };
}
