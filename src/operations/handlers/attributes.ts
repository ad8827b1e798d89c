import { ImportStatistics, QueryStatisticsForDescribeQuery } from '@aws-sdk/client-cloudtrail';
import { LakeImportAttribute, LakeQueryAttribute } from '../operation-properties';

/** The parts of a DescribeQuery response the attributes come from. */
export interface QueryDescription {
  readonly QueryId?: string;
  readonly QueryStatus?: string;
  readonly QueryStatistics?: QueryStatisticsForDescribeQuery;
  readonly DeliveryS3Uri?: string;
}

/** The parts of a StartImport or GetImport response the attributes come from. */
export interface ImportDescription {
  readonly ImportId?: string;
  readonly ImportStatus?: string;
  readonly ImportStatistics?: ImportStatistics;
}

/** The attributes of a LakeQuery: counts as numbers (0 until known), the delivery URI ('' when none). */
export function queryAttributes(query: QueryDescription): Record<LakeQueryAttribute, string | number> {
  const statistics = query.QueryStatistics ?? {};
  return {
    [LakeQueryAttribute.QUERY_ID]: query.QueryId ?? '',
    [LakeQueryAttribute.QUERY_STATUS]: query.QueryStatus ?? '',
    [LakeQueryAttribute.EVENTS_MATCHED]: statistics.EventsMatched ?? 0,
    [LakeQueryAttribute.EVENTS_SCANNED]: statistics.EventsScanned ?? 0,
    [LakeQueryAttribute.BYTES_SCANNED]: statistics.BytesScanned ?? 0,
    [LakeQueryAttribute.EXECUTION_TIME_IN_MILLIS]: statistics.ExecutionTimeInMillis ?? 0,
    [LakeQueryAttribute.DELIVERY_S3_URI]: query.DeliveryS3Uri ?? '',
  };
}

/** The attributes of a LakeImport: counts as numbers (0 until known). */
export function importAttributes(found: ImportDescription): Record<LakeImportAttribute, string | number> {
  const statistics = found.ImportStatistics ?? {};
  return {
    [LakeImportAttribute.IMPORT_ID]: found.ImportId ?? '',
    [LakeImportAttribute.IMPORT_STATUS]: found.ImportStatus ?? '',
    [LakeImportAttribute.PREFIXES_FOUND]: statistics.PrefixesFound ?? 0,
    [LakeImportAttribute.PREFIXES_COMPLETED]: statistics.PrefixesCompleted ?? 0,
    [LakeImportAttribute.FILES_COMPLETED]: statistics.FilesCompleted ?? 0,
    [LakeImportAttribute.EVENTS_COMPLETED]: statistics.EventsCompleted ?? 0,
    [LakeImportAttribute.FAILED_ENTRIES]: statistics.FailedEntries ?? 0,
  };
}
