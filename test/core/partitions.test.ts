import { RegionInfo } from 'aws-cdk-lib/region-info';
import { arnRegionMatchesPartition, isRegion, PARTITIONS, partitionOfRegion } from '../../src/core/partitions';

// The partitions and their Regions: the AWS SDK's endpoint partitions (partitions.json, regionRegex) and aws-cdk-lib's
// region-info, whose Region list is the independent oracle here.
const EXPECTED: Array<[string, string[]]> = [
  ['aws', ['us-east-1', 'eu-central-2', 'ap-southeast-7', 'mx-central-1', 'il-central-1']],
  ['aws-cn', ['cn-north-1', 'cn-northwest-1']],
  ['aws-us-gov', ['us-gov-west-1', 'us-gov-east-1']],
  ['aws-iso', ['us-iso-east-1', 'us-iso-west-1']],
  ['aws-iso-b', ['us-isob-east-1', 'us-isob-west-1']],
  ['aws-iso-e', ['eu-isoe-west-1']],
  ['aws-iso-f', ['us-isof-south-1', 'us-isof-east-1']],
  ['aws-eusc', ['eusc-de-east-1']],
];

test('the library knows the eight partitions', () => {
  expect(PARTITIONS.map(p => p.partition)).toEqual(EXPECTED.map(([partition]) => partition));
});

test.each(EXPECTED)('%s: its Regions are Regions of that partition', (partition, regions) => {
  for (const region of regions) {
    expect([region, isRegion(region), partitionOfRegion(region)]).toEqual([region, true, partition]);
  }
});

test('every Region aws-cdk-lib knows is a Region of the partition aws-cdk-lib says', () => {
  const known = RegionInfo.regions.map(r => [r.name, r.partition]);
  expect(known.length).toBeGreaterThan(40);
  expect(known.map(([name]) => [name, partitionOfRegion(name!)])).toEqual(known);
});

test('a fresh load of the module builds the same partitions, patterns and Region matchers', () => {
  // The table and its matchers are built when the module loads; this test loads it itself, as a second copy of the
  // library in the same process would
  let fresh: typeof import('../../src/core/partitions') | undefined;
  jest.isolateModules(() => {
    fresh = jest.requireActual<typeof import('../../src/core/partitions')>('../../src/core/partitions');
  });
  expect(fresh!.PARTITIONS.map(p => p.partition)).toEqual(EXPECTED.map(([partition]) => partition));
  expect(EXPECTED.flatMap(([, regions]) => regions.map(region => fresh!.partitionOfRegion(region))))
    .toEqual(EXPECTED.flatMap(([partition, regions]) => regions.map(() => partition)));
  expect(['moon', 'us-east-1a', 'cn-gov-west-1'].map(fresh!.partitionOfRegion)).toEqual([undefined, undefined, undefined]);
  expect(fresh!.PARTITION_PATTERN).toBe('(?:aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc)');
  const region = new RegExp(`^${fresh!.REGION_PATTERN}$`);
  expect(EXPECTED.flatMap(([, regions]) => regions).every(name => region.test(name))).toBe(true);
  expect(['', 'moon', 'us-east-1a', 'cn-gov-west-1'].filter(name => region.test(name))).toEqual([]);
});

test('a Region newer than this release, in a new geography of the aws partition, is accepted', () => {
  expect(partitionOfRegion('nz-north-1')).toBe('aws');
});

test.each(['', 'US East', 'us-east', 'useast1', 'moon', 'us-east-1a', 'eusc-east-1', 'cn-gov-west-1', 'us-isoz-east-1', 'us_east_1'])('%j is not a Region', text => {
  expect(isRegion(text)).toBe(false);
  expect(partitionOfRegion(text)).toBeUndefined();
});

describe('arnRegionMatchesPartition', () => {
  test.each([
    'arn:aws:cloudtrail:us-east-1:111111111111:trail/Audit',
    'arn:aws-cn:cloudtrail:cn-north-1:111111111111:channel/c',
    'arn:aws-us-gov:lambda:us-gov-west-1:111111111111:function:f',
    'arn:aws-iso-b:cloudtrail:us-isob-east-1:111111111111:eventdatastore/x',
    'arn:aws-eusc:cloudtrail:eusc-de-east-1:111111111111:eventdatastore/x',
    'arn:aws:s3:::bucket/key',
    'arn:aws-cn:s3:::bucket',
    'arn:aws:s3',
    'arn',
  ])('%s: its Region, if any, is of its partition', arn => {
    expect(arnRegionMatchesPartition(arn)).toBe(true);
  });

  test.each([
    'arn:aws:cloudtrail:cn-north-1:111111111111:trail/Audit',
    'arn:aws-cn:cloudtrail:us-east-1:111111111111:trail/Audit',
    'arn:aws:lambda:us-gov-west-1:111111111111:function:f',
    'arn:aws-us-gov:lambda:us-east-1:111111111111:function:f',
    'arn:aws-iso:cloudtrail:us-isob-east-1:111111111111:trail/t',
    'arn:aws:cloudtrail:moon:111111111111:trail/t',
    'arn:aws:cloudtrail:us-east-1a:111111111111:trail/t',
    'arn:aws-moon:cloudtrail:us-east-1:111111111111:trail/t',
  ])('%s: its Region is not of its partition', arn => {
    expect(arnRegionMatchesPartition(arn)).toBe(false);
  });
});
