import { excludeBucketObjects, selectsS3Objects } from '../../src/selectors/bucket-exclusion';
import { AdvancedEventSelector, AdvancedFieldSelector } from '../../src/selectors/field-selector';

const LOG_BUCKET = 'arn:aws:s3:::audit-logs';
const EXCLUSION = `${LOG_BUCKET}/`;

const DATA: AdvancedFieldSelector = { field: 'eventCategory', equalTo: ['Data'] };
const S3_OBJECTS: AdvancedFieldSelector = { field: 'resources.type', equalTo: ['AWS::S3::Object'] };

function s3Selector(...more: AdvancedFieldSelector[]): AdvancedEventSelector {
  return { name: 'Objects', fieldSelectors: [DATA, S3_OBJECTS, ...more] };
}

describe('selectsS3Objects', () => {
  test.each<[string, AdvancedFieldSelector[], boolean]>([
    ['resources.type Equals AWS::S3::Object, after another field', [DATA, S3_OBJECTS], true],
    ['AWS::S3::Object among other types', [{ field: 'resources.type', equalTo: ['AWS::S3::AccessPoint', 'AWS::S3::Object'] }], true],
    ['another resources.type', [DATA, { field: 'resources.type', equalTo: ['AWS::Lambda::Function'] }], false],
    ['resources.type without Equals', [DATA, { field: 'resources.type', notEquals: ['AWS::S3::Object'] }], false],
    ['the value on another field', [DATA, { field: 'eventName', equalTo: ['AWS::S3::Object'] }], false],
    ['no field selectors', [], false],
  ])('%s', (_, fieldSelectors, expected) => {
    expect(selectsS3Objects({ fieldSelectors })).toBe(expected);
  });
});

describe('excludeBucketObjects', () => {
  test('a selector of other events is returned as it is', () => {
    const selector: AdvancedEventSelector = { fieldSelectors: [DATA, { field: 'resources.type', equalTo: ['AWS::Lambda::Function'] }] };
    expect(excludeBucketObjects(selector, LOG_BUCKET)).toBe(selector);
  });

  test('a selector of every object gets a resources.ARN NotStartsWith the bucket, and the input is not changed', () => {
    const selector = s3Selector();
    expect(excludeBucketObjects(selector, LOG_BUCKET)).toEqual({
      name: 'Objects',
      fieldSelectors: [DATA, S3_OBJECTS, { field: 'resources.ARN', notStartsWith: [EXCLUSION] }],
    });
    expect(selector.fieldSelectors).toHaveLength(2);
  });

  test('an existing resources.ARN condition without names gets the exclusion merged, other operators kept', () => {
    const selector = s3Selector({ field: 'resources.ARN', notStartsWith: ['arn:aws:s3:::tmp/'], notEquals: ['arn:aws:s3:::a/b'] });
    expect(excludeBucketObjects(selector, LOG_BUCKET).fieldSelectors).toEqual([DATA, S3_OBJECTS,
      { field: 'resources.ARN', notStartsWith: ['arn:aws:s3:::tmp/', EXCLUSION], notEquals: ['arn:aws:s3:::a/b'] }]);
    expect(selector.fieldSelectors[2].notStartsWith).toEqual(['arn:aws:s3:::tmp/']);
  });

  test('resources.ARN as the first field selector is merged, not added again', () => {
    const selector: AdvancedEventSelector = { fieldSelectors: [{ field: 'resources.ARN', notEndsWith: ['.tmp'] }, DATA, S3_OBJECTS] };
    expect(excludeBucketObjects(selector, LOG_BUCKET)).toEqual({
      fieldSelectors: [{ field: 'resources.ARN', notEndsWith: ['.tmp'], notStartsWith: [EXCLUSION] }, DATA, S3_OBJECTS],
    });
  });

  test('resources.ARN as the first field selector names its objects too', () => {
    const selector: AdvancedEventSelector = { fieldSelectors: [{ field: 'resources.ARN', equalTo: ['arn:aws:s3:::payments/a'] }, DATA, S3_OBJECTS] };
    expect(excludeBucketObjects(selector, LOG_BUCKET)).toBe(selector);
  });

  test('an exclusion already there is not repeated', () => {
    const selector = s3Selector({ field: 'resources.ARN', notStartsWith: [EXCLUSION] });
    expect(excludeBucketObjects(selector, LOG_BUCKET).fieldSelectors).toEqual([DATA, S3_OBJECTS,
      { field: 'resources.ARN', notStartsWith: [EXCLUSION] }]);
  });

  test.each<keyof AdvancedFieldSelector>(['equalTo', 'startsWith', 'endsWith'])(
    'a selector naming its objects with %s is left alone when none is in the bucket', key => {
      const selector = s3Selector({ field: 'resources.ARN', [key]: ['arn:aws:s3:::payments/'] });
      expect(excludeBucketObjects(selector, LOG_BUCKET)).toBe(selector);
    });

  test.each<keyof AdvancedFieldSelector>(['equalTo', 'startsWith', 'endsWith'])(
    'a selector naming an object of the bucket with %s, among others, gets the exclusion', key => {
      const selector = s3Selector({ field: 'resources.ARN', [key]: ['arn:aws:s3:::payments/', `${LOG_BUCKET}/AWSLogs/`] });
      expect(excludeBucketObjects(selector, LOG_BUCKET).fieldSelectors[2]).toEqual({
        field: 'resources.ARN', [key]: ['arn:aws:s3:::payments/', `${LOG_BUCKET}/AWSLogs/`], notStartsWith: [EXCLUSION],
      });
    });

  test('a value that only ends with the bucket ARN does not name the bucket', () => {
    const selector = s3Selector({ field: 'resources.ARN', endsWith: [`x${LOG_BUCKET}`] });
    expect(excludeBucketObjects(selector, LOG_BUCKET)).toBe(selector);
  });
});
