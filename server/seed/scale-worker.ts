import { parentPort, workerData } from 'node:worker_threads';
import { scaleGenerator, type GeneratorSetup } from './scale-generator';

/** seed-scale's generator thread: answers each { from, to } with that chunk's rows, and 'totals' at the end. */
const generator = scaleGenerator(workerData as GeneratorSetup);
parentPort!.on('message', (message: { from: number; to: number } | 'totals') => {
  if (message === 'totals') parentPort!.postMessage({ totals: generator.totals() });
  else parentPort!.postMessage({ rows: generator.chunk(message.from, message.to) });
});
