/** Fields added to a log line; never credentials, and never a whole request (its ResponseURL is presigned). */
export type LogFields = Readonly<Record<string, unknown>>;

/** Writes structured log lines: one JSON object per line on stdout, which CloudWatch Logs Insights can query. */
export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/**
 * A logger whose every line carries the context fields (operation, request type, physical resource id).
 */
export function createLogger(context: LogFields): Logger {
  const writer = (level: string) => (message: string, fields: LogFields = {}) => {
    process.stdout.write(`${JSON.stringify({ level, message, ...context, ...fields })}\n`);
  };
  return { info: writer('INFO'), warn: writer('WARN'), error: writer('ERROR') };
}
