import { matchesArnFormat } from '../../src/selectors/arn-format';
import { DataResourceType } from '../../src/selectors/data-resource-type';
import { LISTED_RESOURCE_TYPES } from '../../src/selectors/listed-resource-types';

/** Every public constant of the catalogue, by its property name. */
const CONSTANTS: Array<[string, DataResourceType]> = Object.entries(DataResourceType)
  .filter((entry): entry is [string, DataResourceType] => entry[1] instanceof DataResourceType);

const FORMATS = CONSTANTS.flatMap(([name, type]) => type.arnFormats.map(format => ({ name, type, format })));

/** An ARN of the format, with every placeholder filled in. */
function sampleArn(format: string, fill: Partial<Record<string, string>> = {}): string {
  const values: Record<string, string> = { partition: 'aws', region: 'us-east-1', account_ID: '111122223333', ...fill };
  return format.replace(/<([A-Za-z_]+)>/g, (_, placeholder: string) => values[placeholder] ?? 'x1');
}

test('the catalogue has constants', () => {
  expect(CONSTANTS.length).toBeGreaterThanOrEqual(17);
  expect(CONSTANTS.map(([name]) => name)).toEqual(expect.arrayContaining(['S3_OBJECT', 'LAMBDA_FUNCTION', 'DYNAMODB_TABLE', 'EC2_SNAPSHOT']));
});

describe.each(CONSTANTS)('%s', (_, type) => {
  test('is a catalogued CloudFormation-style type with at least one ARN format', () => {
    expect(type.value).toMatch(/^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/);
    expect(type.isCatalogued).toBe(true);
    expect(type.arnFormats.length).toBeGreaterThan(0);
    expect(type.toString()).toBe(type.value);
  });

  test('of() returns this very instance', () => {
    expect(DataResourceType.of(type.value)).toBe(type);
  });

  test('is not also in the list of types without an ARN format', () => {
    expect(LISTED_RESOURCE_TYPES).not.toContain(type.value);
  });
});

describe.each(FORMATS)('$name format $format', ({ type, format }) => {
  test('has only well-formed placeholders', () => {
    expect(format).toMatch(/^arn:<partition>:[a-z0-9-]+:/);
    expect(format.replace(/<[A-Za-z_]+>/g, '')).not.toMatch(/[<>]/);
  });

  test('matches a sample ARN built from it', () => {
    const arn = sampleArn(format);
    expect(arn).not.toMatch(/[<>]/);
    expect(matchesArnFormat(type, arn)).toBe(true);
    expect(matchesArnFormat(type, sampleArn(format, { partition: 'aws-us-gov', region: 'us-gov-west-1' }))).toBe(true);
  });

  test.each([
    ['aws-cn', 'cn-north-1'], ['aws-us-gov', 'us-gov-east-1'], ['aws-iso', 'us-iso-east-1'], ['aws-iso-b', 'us-isob-east-1'],
    ['aws-iso-e', 'eu-isoe-west-1'], ['aws-iso-f', 'us-isof-south-1'], ['aws-eusc', 'eusc-de-east-1'],
  ])('matches a sample ARN in %s (%s)', (partition, region) => {
    expect(matchesArnFormat(type, sampleArn(format, { partition, region }))).toBe(true);
  });

  test('rejects a sample ARN whose Region is not of its partition, or an unknown partition', () => {
    if (format.includes('<region>')) {
      expect(matchesArnFormat(type, sampleArn(format, { partition: 'aws', region: 'cn-north-1' }))).toBe(false);
      expect(matchesArnFormat(type, sampleArn(format, { partition: 'aws-eusc', region: 'eu-central-1' }))).toBe(false);
    }
    expect(matchesArnFormat(type, sampleArn(format, { partition: 'aws-mars' }))).toBe(false);
  });

  test('rejects a sample ARN with a wrong partition, Region or account', () => {
    expect(matchesArnFormat(type, sampleArn(format, { partition: 'azure' }))).toBe(false);
    if (format.includes('<region>')) {
      expect(matchesArnFormat(type, sampleArn(format, { region: 'moon' }))).toBe(false);
    }
    if (format.includes('<account_ID>')) {
      expect(matchesArnFormat(type, sampleArn(format, { account_ID: '1234' }))).toBe(false);
    }
  });

  test('rejects the sample ARN with text before or after it cut off', () => {
    const arn = sampleArn(format);
    expect(matchesArnFormat(type, `x${arn}`)).toBe(false);
    expect(matchesArnFormat(type, arn.slice(0, arn.indexOf(':', 'arn:aws:'.length)))).toBe(false);
  });
});

describe('types CloudTrail lists without an ARN format', () => {
  test('the list has no duplicates', () => {
    expect(new Set(LISTED_RESOURCE_TYPES).size).toBe(LISTED_RESOURCE_TYPES.length);
  });

  test.each(LISTED_RESOURCE_TYPES)('%s is catalogued, without ARN formats, as one instance', value => {
    const type = DataResourceType.of(value);
    expect(type.value).toBe(value);
    expect(type.isCatalogued).toBe(true);
    expect(type.arnFormats).toEqual([]);
    expect(DataResourceType.of(value)).toBe(type);
  });
});

describe('types the library does not know', () => {
  test('are not catalogued and have no ARN formats', () => {
    const type = DataResourceType.of('AWS::Unknown::Thing');
    expect(type.value).toBe('AWS::Unknown::Thing');
    expect(type.isCatalogued).toBe(false);
    expect(type.arnFormats).toEqual([]);
  });

  test('do not join the catalogue', () => {
    DataResourceType.of('AWS::Unknown::Thing');
    expect(DataResourceType.all().map(type => type.value)).not.toContain('AWS::Unknown::Thing');
    expect(DataResourceType.of('AWS::Unknown::Thing').isCatalogued).toBe(false);
  });
});

describe('all()', () => {
  const all = DataResourceType.all();

  test('includes every constant', () => {
    for (const [, type] of CONSTANTS) {
      expect(all).toContain(type);
    }
  });

  test('includes every listed type', () => {
    expect(all.map(type => type.value)).toEqual(expect.arrayContaining(LISTED_RESOURCE_TYPES));
  });

  test('has no duplicates and nothing else', () => {
    const values = all.map(type => type.value);
    expect(new Set(values).size).toBe(values.length);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(new Set([...CONSTANTS.map(([, type]) => type.value), ...LISTED_RESOURCE_TYPES]).size);
  });

  test('lists the constants first, every one catalogued', () => {
    expect(all.slice(0, CONSTANTS.length)).toEqual(CONSTANTS.map(([, type]) => type));
    expect(all.every(type => type.isCatalogued)).toBe(true);
  });
});
