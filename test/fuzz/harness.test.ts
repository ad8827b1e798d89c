import { CfnWaitConditionHandle, Duration, Token, UnscopedValidationError, ValidationError } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { just, make } from './arbitraries';
import { expectAccepted, expectNoProblems, literal, rejectionProblems, Subject, thrownByLibrary, trial } from './harness';
import { LakeEventDataStore } from '../../src';
import { trailNameProblems } from '../../src/core/names';
import { testStack } from '../util';

// The harness is what makes the fuzz tests able to fail: these show it fails on each kind of bad outcome.

const SUBJECT: Subject = { path: 'Stack/Thing', properties: ['name'], owner: ['LakeEventDataStore', 'DataEventSelectors'] };
const NAME = 'Harness' as unknown as ConstructorParameters<typeof ValidationError>[0];

function validationError(message: string): ValidationError {
  return new ValidationError(NAME, message, testStack());
}

describe('a rejection', () => {
  test('in the library format passes', () => {
    expect(rejectionProblems(validationError('[Stack/Thing] [EventDataStoreNameLength] name "x": must be longer (Source). Fix: add characters'), SUBJECT))
      .toEqual([]);
    expect(rejectionProblems(validationError('2 problems:\n  [Stack/Thing] [EventDataStoreNameLength] name "x": a (S). Fix: b\n'
      + '  [Stack/Thing] [SelectorValueLength] name: c (S). Fix: d'), SUBJECT)).toEqual([]);
    expect(rejectionProblems(validationError('Validation failed with the following errors:\n  [Stack/Thing] [RetentionRange] name "x": a (S). Fix: b'), SUBJECT))
      .toEqual([]);
    // Without an owner, any rule of the registry will do.
    expect(rejectionProblems(validationError('[Stack/Thing] [TrailNameLength] name "x": a (S). Fix: b'), { ...SUBJECT, owner: undefined })).toEqual([]);
    expect(rejectionProblems(validationError('[Stack/Thing] [TrailNameLength] name "x": a (S). Fix: b'), { ...SUBJECT, owner: 'OrganizationTrail' })).toEqual([]);
  });

  test.each([
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'node')"), 'not a ValidationError: TypeError'],
    ['a plain Error', new Error('boom'), 'not a ValidationError: Error: boom'],
    ['a thrown string', 'boom', 'not a ValidationError: boom'],
    ['another construct\'s error', validationError('[Stack/Other] [RetentionRange] name "x": a. Fix: b'), 'not on Stack/Thing'],
    ['an unknown property', validationError('[Stack/Thing] [RetentionRange] colour "x": a. Fix: b'), 'names no property of the construct (colour)'],
    ['a problem without a rule id', validationError('[Stack/Thing] name "x": a (S). Fix: b'), 'names no rule id'],
    ['a rule id the registry does not have', validationError('[Stack/Thing] [NameColour] name "x": a (S). Fix: b'),
      'names a rule id the registry does not have (NameColour)'],
    ['no rule id where every rule has one', validationError('[Stack/Thing] [undefined] name "x": a (S). Fix: b'),
      'names a rule id the registry does not have (undefined)'],
    ['a rule of another construct', validationError('[Stack/Thing] [TrailNameLength] name "x": a (S). Fix: b'),
      'names a rule of another construct (TrailNameLength, checked by OrganizationTrail, TrailLogArchive)'],
    ['the id of a warning', validationError('[Stack/Thing] [NoTerminationProtection] name "x": a (S). Fix: b'),
      'rejects with the id of a warning (NoTerminationProtection)'],
    ['a message without a fix', validationError('[Stack/Thing] [RetentionRange] name "x": too short'), 'not "<property> <value>: <rule>. Fix: <fix>" on one line'],
    ['a line broken inside a problem', validationError("[Stack/Thing] [RetentionRange] name: contains '\n'. Fix: b"),
      'not "<property> <value>: <rule>. Fix: <fix>" on one line'],
    ['a wrong problem count', validationError('3 problems:\n  [Stack/Thing] [RetentionRange] name: a. Fix: b'), 'the header announces 3 problems and 1 lines follow'],
    ['aws-cdk-lib\'s schema validation', new UnscopedValidationError(NAME, 'ERROR TrailName: does not match pattern (CloudFormation Validate)'), 'not on Stack/Thing'],
  ])('fails: %s', (_, error, expected) => {
    expect(rejectionProblems(error, SUBJECT).join('\n')).toContain(expected);
  });

  test('a crash while building fails the property, with the cause', () => {
    const crash = make('crash', () => ({}));
    expect(() => trial('known', crash, () => {
      throw new TypeError('x is undefined');
    }, SUBJECT)).toThrow(/rejected at construction in a way the library must not reject:\n {2}not a ValidationError: TypeError: x is undefined/);
  });

  test('inputs aws-cdk-lib refuses to make are discarded, not counted', () => {
    const outcome = fc.check(fc.property(fc.constant(make('refused', () => {
      throw new Error('invalid ARN');
    })), refused => {
      trial('known', refused, () => undefined, SUBJECT);
    }), { numRuns: 1, seed: 1 });
    expect(outcome.failed).toBe(true);
    expect(outcome.numSkips).toBeGreaterThan(0);
    expect(outcome.numRuns).toBe(0);
  });
});

describe('making the inputs', () => {
  test('an error the library throws while the inputs are made fails the property: it is never discarded as an input aws-cdk-lib refused', () => {
    // A helper store the library rejects, as a limit made off by one would reject a valid one.
    const rejectedHelper = make('new LakeEventDataStore({ retention: 1 day })',
      stack => new LakeEventDataStore(stack, 'Helper', { retention: Duration.days(1) }));
    expect(() => trial('known', rejectedHelper, () => undefined, SUBJECT)).toThrow(/^the library threw while the inputs were made, from valid helpers: .*\[Stack\/Helper\] \[RetentionRange\]/);
    const outcome = fc.check(fc.property(fc.constant(rejectedHelper), made => {
      trial('known', made, () => undefined, SUBJECT);
    }), { numRuns: 1, seed: 1 });
    expect(outcome.failed).toBe(true);
    expect(outcome.numSkips).toBe(0);
  });

  test('an error is the library\'s when a frame of its stack is in src/', () => {
    const fromLibrary = (() => {
      try {
        new LakeEventDataStore(testStack(), 'Store', { retention: Duration.days(1) });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrownByLibrary(fromLibrary)).toBe(true);
    expect(thrownByLibrary(new Error('from the test'))).toBe(false);
    expect(thrownByLibrary('a string')).toBe(false);
  });
});

describe('an accepted input', () => {
  test('valid props that are rejected fail, with the rejection', () => {
    const outcome = trial('known', just({}), stack => new LakeEventDataStore(stack, 'Thing', { retention: Duration.days(1) }),
      { ...SUBJECT, properties: ['retention'] });
    expect(() => expectAccepted(outcome)).toThrow(/^valid props were rejected:\n\[Stack\/Thing\] \[RetentionRange\] retention/);
  });

  test('that synthesizes gives the template', () => {
    const outcome = trial('known', just({}), stack => new CfnWaitConditionHandle(stack, 'Thing'), SUBJECT);
    expect(outcome.accepted && Object.keys(outcome.template.findResources('AWS::CloudFormation::WaitConditionHandle'))).toEqual(['Thing']);
  });

  test('whose template breaks a rule fails the property', () => {
    expect(() => expectNoProblems('AWS::CloudTrail::Trail', trailNameProblems('TrailName', 'my--trail')))
      .toThrow(/^accepted, but the template breaks a rule at AWS::CloudTrail::Trail:\n {2}\[TrailNameSeparators\] TrailName "my--trail": adjacent/);
  });
});

describe('template values', () => {
  test('intrinsics become tokens, and a join keeps its literal parts', () => {
    const joined = literal({ 'Fn::Join': ['', ['SELECT * FROM ', { Ref: 'Store' }, ' LIMIT 1']] });
    expect(joined).toMatch(/^SELECT \* FROM \$\{Token\[.*\]\} LIMIT 1$/);
    expect(Token.isUnresolved(literal({ 'Fn::GetAtt': ['Store', 'Arn'] }))).toBe(true);
    expect(literal({ Name: 'x', List: ['a', { Ref: 'B' }] }).List[0]).toBe('a');
  });
});
