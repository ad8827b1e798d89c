/**
 * The AWS partitions and the form of their Region names: the AWS SDK's endpoint partitions (partitions.json,
 * `regionRegex`) and aws-cdk-lib's region-info. One definition for every ARN and Region the library checks.
 */
export interface PartitionInfo {
  /** The partition, as an ARN names it. */
  readonly partition: string;
  /** A regular expression source that matches the names of its Regions. */
  readonly regions: string;
}

export const PARTITIONS: readonly PartitionInfo[] = [
  // The SDK lists the geographies us|eu|ap|sa|ca|me|af|il|mx; any other two letters are taken too, so that a Region of
  // a new geography is not rejected before the library knows it. The other partitions' prefixes are excluded.
  { partition: 'aws', regions: '(?!cn-)[a-z]{2}-[a-z]+-\\d+' },
  { partition: 'aws-cn', regions: 'cn-[a-z]+-\\d+' },
  { partition: 'aws-us-gov', regions: 'us-gov-[a-z]+-\\d+' },
  { partition: 'aws-iso', regions: 'us-iso-[a-z]+-\\d+' },
  { partition: 'aws-iso-b', regions: 'us-isob-[a-z]+-\\d+' },
  { partition: 'aws-iso-e', regions: 'eu-isoe-[a-z]+-\\d+' },
  { partition: 'aws-iso-f', regions: 'us-isof-[a-z]+-\\d+' },
  { partition: 'aws-eusc', regions: 'eusc-de-[a-z]+-\\d+' },
];

/** A regular expression source that matches any partition. */
export const PARTITION_PATTERN = `(?:${PARTITIONS.map(p => p.partition).join('|')})`;

/** A regular expression source that matches the name of any Region of any partition. */
export const REGION_PATTERN = `(?:${PARTITIONS.map(p => p.regions).join('|')})`;

const REGION_OF = PARTITIONS.map(p => ({ partition: p.partition, matcher: new RegExp(`^${p.regions}$`) }));

/** The partition a Region name belongs to, or undefined when it is not a Region name. */
export function partitionOfRegion(region: string): string | undefined {
  return REGION_OF.find(p => p.matcher.test(region))?.partition;
}

/** Whether a text is the name of a Region of some partition. */
export function isRegion(region: string): boolean {
  return partitionOfRegion(region) !== undefined;
}

/** Whether an ARN's Region, when it has one, belongs to the ARN's partition. */
export function arnRegionMatchesPartition(arn: string): boolean {
  const [, partition, , region] = arn.split(':');
  return region === undefined || region === '' || partitionOfRegion(region) === partition;
}
