import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

/**
 * The server's log: one JSON object per line (pino), on standard output unless a destination is
 * given (the tests keep the lines). A request's lines carry its `requestId`, the id the response
 * sends back in `X-Request-Id` and the 500 page shows, so that an operator finds a user's error.
 */
export function createLogger(level = 'info', destination?: DestinationStream): Logger {
  const options = { name: 'r1540', level };
  return destination ? pino(options, destination) : pino(options);
}

/** A logger that writes nothing (commands that do not serve, tools). */
export const silentLogger: Logger = pino({ level: 'silent' });
