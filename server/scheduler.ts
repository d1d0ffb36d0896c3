import { scanReminders } from './services/reminder-service';
import type { ServiceContext } from './services/service-context';

/**
 * Periodic jobs of a server process. Nothing here holds state that matters: every job
 * claims its work in the database, so any number of processes may run it at once.
 */
export function startScheduler(ctx: ServiceContext, intervalMs = 60_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await scanReminders(ctx);
    } catch (error) {
      console.error('[scheduler] reminder scan failed:', error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
