import { startModuleWorker } from '../worker-module';
import { scaleProducer, type ProducerSetup, type ProducerTotals } from './scale-producer';
import type { TableRows } from './row-batch';
import type { SearchTable } from './side-search-index';

/**
 * Where seed-scale's rows come from: the generator in a worker thread (the default: it makes
 * the next chunk while the main thread writes this one), or in this thread.
 */
export interface ChunkSource {
  chunk(from: number, to: number): Promise<TableRows[]>;
  /** After the last chunk: its side search index and `others` (closed by their writers) merged, and the totals. */
  finish(others: { table: SearchTable; file: string }[]): Promise<ProducerTotals>;
  close(): Promise<void>;
}

export function inProcessSource(setup: ProducerSetup): ChunkSource {
  const producer = scaleProducer(setup);
  return {
    chunk: async (from, to) => {
      let rows: TableRows[] = [];
      producer.chunk(from, to, (r) => (rows = r));
      return rows;
    },
    finish: async (others) => producer.finish(others),
    close: async () => {},
  };
}

export function workerSource(setup: ProducerSetup): ChunkSource {
  const worker = startModuleWorker(import.meta.url, 'scale-worker', { workerData: setup });
  // One request at a time, answered in order: a queue of waiting callers.
  const waiting: { resolve: (value: never) => void; reject: (error: unknown) => void }[] = [];
  let failure: unknown = null;
  worker.on('message', (message: unknown) => {
    const next = waiting.shift();
    const m = message as { rows?: TableRows[]; totals?: ProducerTotals };
    next?.resolve((m.rows ?? m.totals) as never);
  });
  const fail = (error: unknown) => {
    failure = error;
    for (const w of waiting.splice(0)) w.reject(error);
  };
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (code !== 0) fail(new Error(`seed-scale generator thread exited with code ${code}`));
  });
  const ask = <T>(message: unknown) =>
    new Promise<T>((resolve, reject) => {
      if (failure) return reject(failure);
      waiting.push({ resolve: resolve as (value: never) => void, reject });
      worker.postMessage(message);
    });
  return {
    chunk: (from, to) => ask<TableRows[]>({ from, to }),
    finish: (others) => ask<ProducerTotals>({ finish: others }),
    close: async () => {
      await worker.terminate();
    },
  };
}
