import { scaleGenerator, type GeneratorSetup, type GeneratorTotals } from './scale-generator';
import { mergeSideSearchIndex, openSideSearchWriter, type SearchTable } from './side-search-index';
import type { TableRows } from './row-batch';

/** What the generator's side needs: its setup, and the search index it builds itself (in its scratch file). */
export interface ProducerSetup {
  generator: GeneratorSetup;
  search: { table: SearchTable; file: string };
}

export interface ProducerTotals extends GeneratorTotals {
  /** Milliseconds of its search index's INSERTs, and of the final merges ('<table> (optimize)'), on the producing thread. */
  searchMs: Record<string, number>;
}

/**
 * The producing side of seed-scale (in the generator thread, or in-process): the generator's
 * rows of a chunk are handed on to the writer, except those of its own search index, which this
 * thread writes into the side index itself after handing the rest over (so the writer starts).
 */
export function scaleProducer({ generator: setup, search: own }: ProducerSetup) {
  const generator = scaleGenerator(setup);
  const search = openSideSearchWriter(own.file, own.table);
  return {
    chunk(from: number, to: number, handOver: (rows: TableRows[]) => void): void {
      const tables = generator.chunk(from, to);
      handOver(tables.filter((t) => t[0] !== own.table));
      search.insertRows(tables);
    },
    /** Closes its side index, merges it and the other finished ones it is given, and returns the totals; the producer is done. */
    finish(others: { table: SearchTable; file: string }[]): ProducerTotals {
      search.close();
      const searchMs = search.timing();
      for (const { table, file } of [own, ...others]) searchMs[`${table} (optimize)`] = mergeSideSearchIndex(file, table);
      return { ...generator.totals(), searchMs };
    },
  };
}
