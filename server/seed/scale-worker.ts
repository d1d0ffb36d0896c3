import { parentPort, workerData } from 'node:worker_threads';
import { scaleProducer, type ProducerSetup } from './scale-producer';
import type { SearchTable } from './side-search-index';

/** seed-scale's generator thread: answers each { from, to } with that chunk's rows, and 'finish' with the totals. */
const producer = scaleProducer(workerData as ProducerSetup);
parentPort!.on('message', (message: { from: number; to: number } | { finish: { table: SearchTable; file: string }[] }) => {
  if ('finish' in message) parentPort!.postMessage({ totals: producer.finish(message.finish) });
  else producer.chunk(message.from, message.to, (rows) => parentPort!.postMessage({ rows }));
});
