import { parentPort, workerData } from 'node:worker_threads';
import { openFixture, openTaskId, submittedDocuments } from './fixture';

/**
 * The soak's document preparer, in a worker thread so that its synchronous database calls
 * never hold up the HTTP clients on the main thread: on each request for `count` documents it
 * drafts and submits them through the real services (its own connection on the same database
 * file) and answers with their ids and open legality-review task ids.
 */
const fixture = await openFixture(String(workerData.dbFile), { keep: true });
let made = 0;
parentPort!.on('message', async (message: { count: number } | 'close') => {
  if (message === 'close') {
    fixture.services.database.close();
    parentPort!.close();
    return;
  }
  const ids = await submittedDocuments(fixture, message.count, `长时运行测试文件${made}-`);
  made += ids.length;
  const documents: { id: string; taskId: string }[] = [];
  for (const id of ids) documents.push({ id, taskId: await openTaskId(fixture, id) });
  parentPort!.postMessage(documents);
});
parentPort!.postMessage('ready');
