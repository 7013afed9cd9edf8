import pino, { type Logger } from "pino";

export type { Logger };

/**
 * Structured JSON logs. Callers log ids, types and timings only: never message
 * text, names, usernames or phone numbers.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: undefined }, destination);
}
