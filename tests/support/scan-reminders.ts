// Child process for the two-process reminder test: one reminder scan at the given clock.
import { readConfig } from '../../server/config';
import { createServices } from '../../server/bootstrap';
import { scanReminders } from '../../server/services/reminder-service';

const at = Number(process.argv[2]);
const services = await createServices(readConfig(), { now: () => at });
const { fired } = await scanReminders(services);
console.log(JSON.stringify({ fired }));
services.database.close();
