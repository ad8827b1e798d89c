import { randomUUID } from 'crypto';
import {
  CancelQueryCommand, CloudTrailClient, DescribeQueryCommand, GetImportCommand, ImportStatistics, ImportStatus, ListImportsCommand,
  ListQueriesCommand, QueryStatisticsForDescribeQuery, QueryStatus, StartImportCommand, StartImportCommandInput, StartQueryCommand,
  StopImportCommand,
} from '@aws-sdk/client-cloudtrail';
import { AwsClientStub } from 'aws-sdk-client-mock';
import { awsError, NOW } from './helpers';

/** A query CloudTrail knows. */
export interface FakeQuery {
  QueryId: string;
  /** The ID of the store the statement's FROM clause names, which CloudTrail runs it on. */
  store: string;
  QueryString: string;
  DeliveryS3Uri?: string;
  QueryStatus: QueryStatus;
  CreationTime: Date;
  ErrorMessage?: string;
  QueryStatistics?: QueryStatisticsForDescribeQuery;
}

/** An import CloudTrail knows. */
export interface FakeImport {
  ImportId: string;
  input: StartImportCommandInput;
  ImportStatus: ImportStatus;
  CreatedTimestamp: Date;
  ImportStatistics?: ImportStatistics;
}

/**
 * CloudTrail Lake behind a mocked client: remembers the queries and imports it started, so that tests
 * see what a repeated or late call really finds.
 */
export class FakeLake {
  public readonly queries = new Map<string, FakeQuery>();
  public readonly imports = new Map<string, FakeImport>();

  constructor(stub: AwsClientStub<CloudTrailClient>) {
    stub.on(StartQueryCommand).callsFake(async (input) => {
      const query = this.addQuery({ QueryString: input.QueryStatement, DeliveryS3Uri: input.DeliveryS3Uri, QueryStatus: QueryStatus.QUEUED });
      return { QueryId: query.QueryId };
    });
    stub.on(ListQueriesCommand).callsFake(async (input) => ({
      Queries: [...this.queries.values()].filter((query) => input.EventDataStore.endsWith(`/${query.store}`)).map(({ QueryId, QueryStatus: status, CreationTime }) => ({ QueryId, QueryStatus: status, CreationTime })),
    }));
    stub.on(DescribeQueryCommand).callsFake(async (input) => {
      const { CreationTime, store, ...query } = this.query(input.QueryId);
      return { ...query, QueryStatistics: { ...query.QueryStatistics, CreationTime } };
    });
    stub.on(CancelQueryCommand).callsFake(async (input) => {
      const query = this.query(input.QueryId);
      if (query.QueryStatus !== QueryStatus.QUEUED && query.QueryStatus !== QueryStatus.RUNNING) {
        throw awsError('InactiveQueryException');
      }
      query.QueryStatus = QueryStatus.CANCELLED;
      return { QueryId: query.QueryId, QueryStatus: query.QueryStatus };
    });
    stub.on(StartImportCommand).callsFake(async (input) => {
      const started = this.addImport({ input, ImportStatus: ImportStatus.INITIALIZING });
      return { ImportId: started.ImportId, ImportStatus: started.ImportStatus, Destinations: input.Destinations };
    });
    stub.on(ListImportsCommand).callsFake(async (input) => ({
      Imports: [...this.imports.values()]
        .filter((item) => !input.Destination || item.input.Destinations?.includes(input.Destination))
        .filter((item) => !input.ImportStatus || item.ImportStatus === input.ImportStatus)
        .map((item) => ({
          ImportId: item.ImportId, ImportStatus: item.ImportStatus, CreatedTimestamp: item.CreatedTimestamp, Destinations: item.input.Destinations,
        })),
    }));
    stub.on(GetImportCommand).callsFake(async (input) => {
      const found = this.import(input.ImportId);
      return {
        ImportId: found.ImportId,
        ImportStatus: found.ImportStatus,
        ImportStatistics: found.ImportStatistics,
        Destinations: found.input.Destinations,
        ImportSource: found.input.ImportSource,
        StartEventTime: found.input.StartEventTime,
        EndEventTime: found.input.EndEventTime,
        CreatedTimestamp: found.CreatedTimestamp,
      };
    });
    stub.on(StopImportCommand).callsFake(async (input) => {
      const found = this.import(input.ImportId);
      found.ImportStatus = ImportStatus.STOPPED;
      return { ImportId: found.ImportId, ImportStatus: found.ImportStatus };
    });
  }

  /** Adds a query, created a minute ago unless told otherwise. */
  public addQuery(query: Partial<FakeQuery> & Pick<FakeQuery, 'QueryString'>): FakeQuery {
    const added: FakeQuery = {
      QueryId: randomUUID(),
      store: /FROM\s+([\w-]+)/i.exec(query.QueryString)?.[1] ?? '',
      QueryStatus: QueryStatus.RUNNING,
      CreationTime: new Date(NOW - 60_000),
      ...query,
    };
    this.queries.set(added.QueryId, added);
    return added;
  }

  /** Adds an import, created a minute ago unless told otherwise. */
  public addImport(found: Partial<FakeImport> & Pick<FakeImport, 'input'>): FakeImport {
    const added: FakeImport = { ImportId: randomUUID(), ImportStatus: ImportStatus.IN_PROGRESS, CreatedTimestamp: new Date(NOW - 60_000), ...found };
    this.imports.set(added.ImportId, added);
    return added;
  }

  public query(queryId: string): FakeQuery {
    const query = this.queries.get(queryId);
    if (!query) {
      throw awsError('QueryIdNotFoundException');
    }
    return query;
  }

  public import(importId: string): FakeImport {
    const found = this.imports.get(importId);
    if (!found) {
      throw awsError('ImportNotFoundException');
    }
    return found;
  }
}
