import { MAX_NOTIFICATION_BYTES, notificationMessage, notificationSubject } from '../../src/operations/handlers/scheduled-query';

const OUTCOME = { name: 'Audit/RootLogins', queryId: 'q', rowCount: 10, eventsMatched: 10 };

test('the subject names the query and the row count', () => {
  expect(notificationSubject('Audit/RootLogins', 1)).toBe('CloudTrail Lake: Audit/RootLogins found 1 row');
});

test('a long or non-ASCII name is cut so that the subject stays under 100 printable ASCII characters and keeps the count', () => {
  const subject = notificationSubject(`Überwachung/${'Stack/'.repeat(40)}Query\n`, 1234);

  expect(subject.length).toBeLessThan(100);
  expect(subject).toMatch(/^CloudTrail Lake: \?berwachung\/Stack\/.*\.\.\. found 1234 rows$/);
  expect(subject).toMatch(/^[\x20-\x7e]+$/);
});

test('the message keeps as many rows as fit in 64 KB', () => {
  const rows = Array.from({ length: 10 }, (_, i) => ({ row: String(i), requestParameters: 'p'.repeat(20_000) }));

  const message = notificationMessage(OUTCOME, rows);

  expect(Buffer.byteLength(message)).toBeLessThanOrEqual(MAX_NOTIFICATION_BYTES);
  const parsed = JSON.parse(message);
  expect(parsed.rowsShown).toBe(3);
  expect(parsed.rows.map((row: { row: string }) => row.row)).toEqual(['0', '1', '2']);
  expect(parsed.rowCount).toBe(10);
});

test('a single row too large for a notification leaves none', () => {
  const message = notificationMessage(OUTCOME, [{ huge: 'x'.repeat(MAX_NOTIFICATION_BYTES) }]);

  expect(JSON.parse(message)).toEqual({ ...OUTCOME, rowsShown: 0, rows: [] });
});
