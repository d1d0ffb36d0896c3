import { log } from './log';
import { scanReminders } from './services/reminder-service';
import { deliverDueWebhooks } from './services/webhook-service';
import { sendDailyDigests, sendInstantMail } from './services/mail-service';
import { pruneExpiredRateLimits } from './services/rate-limit-pruning';
import { pruneUnclaimedFormFiles } from './services/form-file-pruning';
import type { ServiceContext } from './services/service-context';

/** Runs a job now and then every `ms`, never two runs of it at once in this process. */
function every(name: string, ms: number, job: () => Promise<unknown>): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await job();
    } catch (error) {
      log.error({ job: name, err: error }, 'scheduled job failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, ms);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}

/**
 * Periodic jobs of a server process. Nothing here holds state that matters: every job
 * claims its work in the database (reminders by a unique row, webhook deliveries by a
 * lease), so any number of processes may run them at once.
 */
export function startScheduler(ctx: ServiceContext, intervals: { remindersMs?: number; webhooksMs?: number; mailMs?: number; pruneMs?: number } = {}): () => void {
  const stops = [
    every('reminder scan', intervals.remindersMs ?? 60_000, () => scanReminders(ctx)),
    // Portals expect news within seconds; an idle poll is one indexed query.
    every('webhook delivery', intervals.webhooksMs ?? 5_000, () => deliverDueWebhooks(ctx)),
    // Does nothing without SHENFA_SMTP_URL.
    every('mail', intervals.mailMs ?? 30_000, async () => {
      await sendInstantMail(ctx);
      await sendDailyDigests(ctx);
    }),
    // Login and public-form counters whose window has passed; they decide nothing any more.
    every('rate-limit pruning', intervals.pruneMs ?? 10 * 60_000, () => pruneExpiredRateLimits(ctx)),
    // Form-field uploads no saved form claimed within a week.
    every('unclaimed form files', intervals.pruneMs ?? 60 * 60_000, () => pruneUnclaimedFormFiles(ctx)),
  ];
  return () => stops.forEach((stop) => stop());
}
