import { scaleGenerator, type GeneratorSetup, type GeneratorTotals } from './scale-generator';
import { openSideSearchWriter, SEARCH_TABLES } from './side-search-index';
import type { TableRows } from './row-batch';

/** What the generator's side needs: its setup, and the scratch file it builds the search indexes in. */
export interface ProducerSetup {
  generator: GeneratorSetup;
  searchFile: string;
}

export interface ProducerTotals extends GeneratorTotals {
  /** Milliseconds of the search indexes' INSERTs per table and of their final merge, on the producing thread. */
  searchMs: Record<string, number>;
}

const isSearch = (t: TableRows) => (SEARCH_TABLES as readonly string[]).includes(t[0]);

/**
 * The producing side of seed-scale (in the generator thread, or in-process): the generator's
 * rows of a chunk are handed on to the writer, except the search rows, which this thread writes
 * into the side search index itself after handing the rest over (so the writer starts on them).
 */
export function scaleProducer({ generator: setup, searchFile }: ProducerSetup) {
  const generator = scaleGenerator(setup);
  const search = openSideSearchWriter(searchFile);
  return {
    chunk(from: number, to: number, handOver: (rows: TableRows[]) => void): void {
      const tables = generator.chunk(from, to);
      handOver(tables.filter((t) => !isSearch(t)));
      search.insertRows(tables.filter(isSearch));
    },
    /** Finishes the side index (merged, closed) and returns the totals; the producer is done. */
    finish(): ProducerTotals {
      search.finish();
      return { ...generator.totals(), searchMs: search.timing() };
    },
  };
}
