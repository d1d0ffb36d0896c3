import pino, { type Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * The server's structured log: one JSON object per line on stdout (pino), for the
 * platform's collector. What goes in is chosen field by field — never tokens, cookies,
 * passwords or document text — and `redact` is a second fence for the obvious keys.
 */
function defaultLevel(): string {
  const configured = process.env.LOG_LEVEL;
  if (configured && (LOG_LEVELS as readonly string[]).includes(configured)) return configured;
  // Under the test runner the request lines would drown the test output.
  return process.env.VITEST ? 'silent' : 'info';
}

function createLog(destination?: pino.DestinationStream, level = defaultLevel()): Logger {
  return pino(
    {
      level,
      base: { service: 'shenfa' },
      redact: { paths: ['password', '*.password', 'token', '*.token', 'cookie', '*.cookie', 'headers.cookie', 'authorization', '*.authorization'], censor: '[已隐去]' },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}

export let log: Logger = createLog();

/** Sends the log elsewhere (tests read it from a stream). */
export function setLogDestination(destination: pino.DestinationStream, level = 'info'): void {
  log = createLog(destination, level);
}
