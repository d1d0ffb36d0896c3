import { parentPort, workerData } from 'node:worker_threads';
import { scaleProducer, type ProducerSetup } from './scale-producer';

/** seed-scale's generator thread: answers each { from, to } with that chunk's rows, and 'finish' with the totals. */
const producer = scaleProducer(workerData as ProducerSetup);
parentPort!.on('message', (message: { from: number; to: number } | 'finish') => {
  if (message === 'finish') parentPort!.postMessage({ totals: producer.finish() });
  else producer.chunk(message.from, message.to, (rows) => parentPort!.postMessage({ rows }));
});
