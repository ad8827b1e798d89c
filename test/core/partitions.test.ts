import { RegionInfo } from 'aws-cdk-lib/region-info';
import { isRegion, PARTITIONS, partitionOfRegion } from '../../src/core/partitions';

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

test('a Region newer than this release, in a new geography of the aws partition, is accepted', () => {
  expect(partitionOfRegion('nz-north-1')).toBe('aws');
});

test.each(['', 'US East', 'us-east', 'useast1', 'moon', 'us-east-1a', 'eusc-east-1', 'cn-gov-west-1', 'us-isoz-east-1', 'us_east_1'])('%j is not a Region', text => {
  expect(isRegion(text)).toBe(false);
  expect(partitionOfRegion(text)).toBeUndefined();
});
