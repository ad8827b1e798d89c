/** The longest error message a handler reports, so that CloudFormation's 4096-byte response always holds it. */
export const MAX_MESSAGE_LENGTH = 1000;
const CUT_MARK = '…(cut)';

/**
 * A failure the handlers detect themselves (a query that failed, a deadline); its message already says
 * what to do.
 */
export class OperationFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OperationFailure';
  }
}

/** The name of an error (the AWS error code for SDK errors). */
export function errorName(error: unknown): string {
  if (error instanceof Error) {
    return error.name;
  }
  const name = (error as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' ? name : 'Error';
}

/** The message of an error; AWS errors carry it as `message` or `Message`. */
export function errorMessage(error: unknown): string {
  const { message, Message } = (error ?? {}) as { message?: unknown; Message?: unknown };
  if (typeof message === 'string' && message !== '') {
    return message;
  }
  return typeof Message === 'string' ? Message : String(error);
}

/** Whether the error has one of the names. */
export function isNamed(error: unknown, names: readonly string[]): boolean {
  return names.includes(errorName(error));
}

/** The text, cut to at most `max` characters with a mark that says so. */
export function cut(text: string, max: number = MAX_MESSAGE_LENGTH): string {
  return text.length <= max ? text : `${text.slice(0, max - CUT_MARK.length)}${CUT_MARK}`;
}
