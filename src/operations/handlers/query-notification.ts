/** SNS subjects must be shorter than 100 characters, of printable ASCII. */
export const MAX_SUBJECT_LENGTH = 99;
/** Well under SNS's 256 KB, so that an email stays readable. */
export const MAX_NOTIFICATION_BYTES = 64 * 1024;

/** What a notification says about the query besides its rows. */
export interface QueryOutcome {
  readonly name: string;
  readonly queryId: string;
  readonly rowCount: number;
  readonly eventsMatched: number;
  readonly deliveryS3Uri?: string;
}

/** The subject of the notification: the query's name, cut so that the row count always shows. */
export function notificationSubject(name: string, rowCount: number): string {
  const prefix = 'CloudTrail Lake: ';
  const suffix = ` found ${rowCount} ${rowCount === 1 ? 'row' : 'rows'}`;
  const printable = name.replace(/[^\x20-\x7e]/g, '?');
  const room = MAX_SUBJECT_LENGTH - prefix.length - suffix.length;
  const shortName = printable.length <= room ? printable : `${printable.slice(0, room - 3)}...`;
  return `${prefix}${shortName}${suffix}`;
}

/** The notification: JSON with the outcome and as many of the first rows as fit in MAX_NOTIFICATION_BYTES. */
export function notificationMessage(outcome: QueryOutcome, rows: readonly Record<string, string>[]): string {
  const message = (shown: number) => JSON.stringify({ ...outcome, rowsShown: shown, rows: rows.slice(0, shown) }, undefined, 2);
  let shown = rows.length;
  while (shown > 0 && Buffer.byteLength(message(shown)) > MAX_NOTIFICATION_BYTES) {
    shown--;
  }
  return message(shown);
}
