// Child process for the two-writer audit test: appends N audit rows to the database named by DATABASE_URL.
import { readConfig } from '../../server/config';
import { createServices } from '../../server/bootstrap';
import { commitChange } from '../../server/services/commit';

const count = Number(process.argv[2] ?? 50);
const label = process.argv[3] ?? 'child';
const services = await createServices(readConfig());
for (let i = 0; i < count; i++) {
  await commitChange(services, [], [{ at: Date.now(), actorId: null, action: 'test.append', detail: { writer: label, i } }]);
}
services.database.close();
