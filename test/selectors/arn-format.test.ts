// arn-format.ts builds one matcher per ARN format and caches it for the module's lifetime, so only the first test of a
// file that uses a format runs the code that builds it. Each test here loads the module afresh, so every one of them
// builds the matchers it tests (and Stryker's per-test coverage sees that).

import type { DataResourceType } from '../../src/selectors/data-resource-type';

type ArnFormatModule = typeof import('../../src/selectors/arn-format');

function freshArnFormat(): ArnFormatModule {
  let loaded: ArnFormatModule | undefined;
  jest.isolateModules(() => {
    loaded = jest.requireActual<ArnFormatModule>('../../src/selectors/arn-format');
  });
  return loaded!;
}

function matches(type: string, arn: string): boolean {
  const { findDataResourceType, matchesArnFormat } = freshArnFormat();
  const found = findDataResourceType(type);
  if (!found) {
    throw new Error(`${type} is not catalogued`);
  }
  return matchesArnFormat(found, arn);
}

describe('a placeholder at the end of a format takes any text, names with / and : included', () => {
  test.each([
    ['AWS::Lambda::Function', 'arn:aws:lambda:us-east-1:111111111111:function:settle'],
    ['AWS::Lambda::Function', 'arn:aws:lambda:us-east-1:111111111111:function:settle:live'],
    ['AWS::DynamoDB::Table', 'arn:aws:dynamodb:us-east-1:111111111111:table/ledger'],
    ['AWS::DynamoDB::Stream', 'arn:aws:dynamodb:us-east-1:111111111111:table/ledger/stream/2026-01-01T00:00:00.000'],
  ])('%s %s', (type, arn) => {
    expect(matches(type, arn)).toBe(true);
  });
});

describe('a placeholder inside a format takes no / or :', () => {
  test.each([
    ['AWS::DynamoDB::Stream', 'arn:aws:dynamodb:us-east-1:111111111111:table/ledger/archive/stream/2026-01-01T00:00:00.000'],
    ['AWS::DynamoDB::Stream', 'arn:aws:dynamodb:us-east-1:111111111111:table/led:ger/stream/2026-01-01T00:00:00.000'],
    ['AWS::Glue::Table', 'arn:aws:glue:us-east-1:111111111111:table/sales:2026/orders'],
  ])('%s %s', (type, arn) => {
    expect(matches(type, arn)).toBe(false);
  });

  test('a name without them matches', () => {
    expect(matches('AWS::Glue::Table', 'arn:aws:glue:us-east-1:111111111111:table/sales/orders')).toBe(true);
  });
});

describe('a placeholder at the end still needs a name', () => {
  test.each([
    ['AWS::Lambda::Function', 'arn:aws:lambda:us-east-1:111111111111:function:'],
    ['AWS::DynamoDB::Table', 'arn:aws:dynamodb:us-east-1:111111111111:table/'],
  ])('%s %s', (type, arn) => {
    expect(matches(type, arn)).toBe(false);
  });
});

describe('the placeholders with a pattern of their own', () => {
  test.each([
    ['an account ID of 12 digits', 'AWS::Lambda::Function', 'arn:aws:lambda:us-east-1:111111111111:function:settle', true],
    ['an account ID of 11 digits', 'AWS::Lambda::Function', 'arn:aws:lambda:us-east-1:11111111111:function:settle', false],
    ['an account ID with letters', 'AWS::Lambda::Function', 'arn:aws:lambda:us-east-1:11111111111a:function:settle', false],
    ['an object path may be empty (every object of a bucket)', 'AWS::S3::Object', 'arn:aws:s3:::payments/', true],
    ['an object path may hold / and :', 'AWS::S3::Object', 'arn:aws:s3:::payments/a/b:c', true],
    ['a Region of another partition', 'AWS::Lambda::Function', 'arn:aws-cn:lambda:us-east-1:111111111111:function:settle', false],
    ['an unknown partition', 'AWS::Lambda::Function', 'arn:aws-moon:lambda:us-east-1:111111111111:function:settle', false],
  ])('%s', (_, type, arn, expected) => {
    expect(matches(type, arn)).toBe(expected);
  });
});

test('the text of a format around its placeholders is matched literally, regular expression characters included', () => {
  const { matchesArnFormat } = freshArnFormat();
  const type = { arnFormats: ['arn:<partition>:example:<region>:<account_ID>:a.b+(c)/<name>'] } as unknown as DataResourceType;
  expect(matchesArnFormat(type, 'arn:aws:example:us-east-1:111111111111:a.b+(c)/x')).toBe(true);
  expect(matchesArnFormat(type, 'arn:aws:example:us-east-1:111111111111:axbb(c)/x')).toBe(false);
  expect(matchesArnFormat(type, 'arn:aws:example:us-east-1:111111111111:a.bc/x')).toBe(false);
});

test('a placeholder followed by more text takes no / or :, even as the last placeholder', () => {
  const { matchesArnFormat } = freshArnFormat();
  const type = { arnFormats: ['arn:<partition>:example:<region>:<account_ID>:thing/<name>/end'] } as unknown as DataResourceType;
  expect(matchesArnFormat(type, 'arn:aws:example:us-east-1:111111111111:thing/a/end')).toBe(true);
  expect(matchesArnFormat(type, 'arn:aws:example:us-east-1:111111111111:thing/a/b/end')).toBe(false);
  expect(matchesArnFormat(type, 'arn:aws:example:us-east-1:111111111111:thing/a:b/end')).toBe(false);
});
