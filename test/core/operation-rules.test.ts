import { Duration, Lazy, Token } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { exportTimeRangeProblems, importTimeRangeProblems, keyPrefixProblems, operationTimeoutProblems } from '../../src/core/operation-rules';
import { formatProblem } from '../../src/core/problems';

describe('operationTimeoutProblems', () => {
  test('accepts whole seconds from 1 to 55 minutes', () => {
    fc.assert(fc.property(fc.integer({ min: 60, max: 3300 }), seconds => {
      expect(operationTimeoutProblems('timeout', Duration.seconds(seconds))).toEqual([]);
    }));
  });

  test('rejects anything shorter or longer, naming the bound', () => {
    fc.assert(fc.property(fc.oneof(fc.integer({ min: 0, max: 59 }), fc.integer({ min: 3301, max: 7 * 24 * 3600 })), seconds => {
      const [problem, ...rest] = operationTimeoutProblems('timeout', Duration.seconds(seconds));
      expect(rest).toEqual([]);
      expect(problem.id).toBe('OperationTimeoutRange');
      expect(problem.fix).toBe(seconds > 3300
        ? 'wait at most Duration.minutes(55), or set waitForCompletion: false and follow the operation outside the deployment'
        : 'wait at least Duration.minutes(1)');
    }));
  });

  test('rejects a timeout only CloudFormation would know', () => {
    const timeout = Duration.seconds(Lazy.number({ produce: () => 60 }));
    expect(operationTimeoutProblems('timeout', timeout).map(formatProblem)).toEqual([expect.stringMatching(
      /^\[OperationTimeoutKnown\] timeout ".*": must be known at synth time, because the wait is bounded below the custom-resource limit\. Fix: pass a literal Duration$/)]);
  });

  test('rejects a token timeout in a unit other than seconds, which aws-cdk-lib cannot convert', () => {
    const timeout = Duration.minutes(Token.asNumber({ Ref: 'Minutes' }));
    expect(operationTimeoutProblems('timeout', timeout).map(p => p.rule)).toEqual([
      'must be known at synth time, because the wait is bounded below the custom-resource limit',
    ]);
  });
});

describe('keyPrefixProblems', () => {
  test('accepts any prefix that does not start with a slash, and none', () => {
    fc.assert(fc.property(fc.string().filter(s => !s.startsWith('/')), prefix => {
      expect(keyPrefixProblems('deliveryPrefix', prefix)).toEqual([]);
    }));
    expect(keyPrefixProblems('deliveryPrefix', undefined)).toEqual([]);
  });

  test('rejects a leading slash', () => {
    expect(keyPrefixProblems('deliveryPrefix', '/x').map(formatProblem)).toEqual([
      '[KeyPrefixLeadingSlash] deliveryPrefix "/x": must not start with \'/\': the URI already separates the bucket from the prefix with one. Fix: remove the leading \'/\'',
    ]);
  });
});

describe('importTimeRangeProblems', () => {
  const date = fc.date({ min: new Date('2013-11-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });

  test('accepts a start strictly before the end, and open ranges', () => {
    fc.assert(fc.property(date, date, (a, b) => {
      fc.pre(a.getTime() !== b.getTime());
      const [start, end] = a < b ? [a, b] : [b, a];
      expect(importTimeRangeProblems('startEventTime', start, 'endEventTime', end)).toEqual([]);
      expect(importTimeRangeProblems('startEventTime', start, 'endEventTime', undefined)).toEqual([]);
      expect(importTimeRangeProblems('startEventTime', undefined, 'endEventTime', end)).toEqual([]);
    }));
  });

  test('rejects a start at or after the end', () => {
    fc.assert(fc.property(date, date, (a, b) => {
      const [start, end] = a >= b ? [a, b] : [b, a];
      const problems = importTimeRangeProblems('startEventTime', start, 'endEventTime', end);
      expect(problems.map(p => [p.id, p.property])).toEqual([['ImportTimeRange', 'startEventTime']]);
    }));
  });

  test('rejects a start at the end, and accepts one a millisecond before it', () => {
    const end = new Date('2026-01-01T00:00:00Z');
    expect(importTimeRangeProblems('startEventTime', new Date(end.getTime()), 'endEventTime', end).map(p => p.id)).toEqual(['ImportTimeRange']);
    expect(importTimeRangeProblems('startEventTime', new Date(end.getTime() - 1), 'endEventTime', end)).toEqual([]);
  });

  test('says which end to move, and where the rule is', () => {
    const start = new Date('2026-07-01T00:00:00Z');
    expect(importTimeRangeProblems('startEventTime', start, 'endEventTime', new Date('2026-01-01T00:00:00Z'))).toEqual([{
      id: 'ImportTimeRange',
      property: 'startEventTime',
      value: '2026-07-01T00:00:00.000Z',
      rule: 'must be before endEventTime 2026-01-01T00:00:00.000Z (StartImport StartEventTime / EndEventTime)',
      fix: 'swap the two dates, or move startEventTime earlier',
    }]);
  });

  test('rejects invalid dates, without comparing them', () => {
    const invalid = new Date(NaN);
    expect(importTimeRangeProblems('startEventTime', invalid, 'endEventTime', undefined)).toEqual([{
      id: 'ImportEventTimeValid',
      property: 'startEventTime',
      value: invalid,
      rule: 'must be a valid date (StartImport StartEventTime / EndEventTime)',
      fix: "pass a Date such as new Date('2026-01-01T00:00:00Z')",
    }]);
    expect(importTimeRangeProblems('startEventTime', new Date(NaN), 'endEventTime', new Date('not a date')).map(p => [p.id, p.property]))
      .toEqual([['ImportEventTimeValid', 'startEventTime'], ['ImportEventTimeValid', 'endEventTime']]);
    expect(importTimeRangeProblems('startEventTime', new Date('2026-01-01T00:00:00Z'), 'endEventTime', new Date(NaN)).map(p => p.id))
      .toEqual(['ImportEventTimeValid']);
  });
});

describe('exportTimeRangeProblems', () => {
  const early = new Date('2026-01-01T00:00:00Z');
  const late = new Date('2026-01-01T00:00:01Z');

  test.each([
    { why: 'a start before the end', start: early, end: late },
    { why: 'a start at the end', start: early, end: new Date(early.getTime()) },
    { why: 'no end', start: late, end: undefined },
    { why: 'no start', start: undefined, end: early },
    { why: 'neither', start: undefined, end: undefined },
  ])('accepts $why', ({ start, end }) => {
    expect(exportTimeRangeProblems('startTime', start, 'endTime', end)).toEqual([]);
  });

  test('rejects a start after the end', () => {
    expect(exportTimeRangeProblems('startTime', late, 'endTime', early)).toEqual([{
      id: 'ExportTimeRange',
      property: 'startTime',
      value: '2026-01-01T00:00:01.000Z',
      rule: 'must not be after endTime 2026-01-01T00:00:00.000Z (CloudWatch Logs CreateImportTask importFilter)',
      fix: 'swap the two dates, or move startTime earlier',
    }]);
  });

  test('rejects invalid dates, without comparing them', () => {
    const invalid = new Date('not a date');
    expect(exportTimeRangeProblems('startTime', late, 'endTime', invalid)).toEqual([{
      id: 'ImportEventTimeValid',
      property: 'endTime',
      value: invalid,
      rule: 'must be a valid date (CloudWatch Logs CreateImportTask importFilter)',
      fix: "pass a Date such as new Date('2026-01-01T00:00:00Z')",
    }]);
    expect(exportTimeRangeProblems('startTime', invalid, 'endTime', new Date(NaN)).map(p => p.property)).toEqual(['startTime', 'endTime']);
  });
});

describe('operationTimeoutProblems with a fraction of a second', () => {
  test('shows the timeout in seconds, as aws-cdk-lib cannot print it in whole units', () => {
    expect(operationTimeoutProblems('timeout', Duration.millis(90_500)).map(formatProblem)).toEqual([
      '[OperationTimeoutRange] timeout "90.5 seconds": must be whole seconds from 1 to 55 minutes, because CloudFormation fails a '
        + 'custom resource that has not answered within 60 minutes (AWS::CloudFormation::CustomResource ServiceTimeout). '
        + 'Fix: wait at least Duration.minutes(1)',
    ]);
  });
});
