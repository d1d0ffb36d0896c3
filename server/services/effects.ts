/**
 * Effects named by workflow actions run here, only after the transaction that produced
 * them has committed. Handlers are registered by name; an unknown name is ignored so a
 * definition may name effects a later plugin provides.
 */
export interface EffectEvent {
  name: string;
  documentId: string;
  actorId: string;
  at: number;
}

export type EffectHandler = (event: EffectEvent) => Promise<void> | void;

export class EffectRunner {
  private readonly handlers = new Map<string, EffectHandler[]>();

  on(name: string, handler: EffectHandler): void {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler]);
  }

  /** Runs every handler; a failing handler is logged and never undoes the committed change. */
  async run(events: readonly EffectEvent[]): Promise<void> {
    for (const event of events) {
      for (const handler of this.handlers.get(event.name) ?? []) {
        try {
          await handler(event);
        } catch (error) {
          console.error(`[effect ${event.name}] failed for document ${event.documentId}:`, error);
        }
      }
    }
  }
}
