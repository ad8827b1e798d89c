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

/** The commands whose calls a test can make fail (see `fail`). */
export type FaultyCommand = 'StartQuery' | 'ListQueries' | 'DescribeQuery' | 'CancelQuery' | 'StartImport' | 'ListImports' | 'GetImport' | 'StopImport';

/**
 * CloudTrail Lake behind a mocked client: remembers the queries and imports it started, so that tests
 * see what a repeated or late call really finds. Faults are seeded, never random: `fail` makes the next calls of a
 * command throw (throttling, 5xx, network errors, after the SDK's retries); `loseResponses` makes a start take effect
 * while its answer is lost and the SDK sends it again; `lag` hides what a start created from the next calls (eventual
 * consistency); `pageSize` pages the listings. Like CloudTrail, it runs one import per account at a time.
 */
export class FakeLake {
  public readonly queries = new Map<string, FakeQuery>();
  public readonly imports = new Map<string, FakeImport>();
  /** How many items a listing page holds. */
  public pageSize = 1000;
  private readonly faults = new Map<FaultyCommand, Error[]>();
  private readonly lost = new Map<FaultyCommand, number>();
  private readonly hidden = new Map<string, number>();
  private lagCalls = 0;
  private sequence = 0;

  constructor(stub: AwsClientStub<CloudTrailClient>) {
    stub.on(StartQueryCommand).callsFake(async (input) => this.faulty('StartQuery', () => {
      const query = this.addQuery({
        QueryString: input.QueryStatement, DeliveryS3Uri: input.DeliveryS3Uri, QueryStatus: QueryStatus.QUEUED, CreationTime: this.startTime(),
      });
      this.hide(query.QueryId);
      return { QueryId: query.QueryId };
    }));
    stub.on(ListQueriesCommand).callsFake(async (input) => this.faulty('ListQueries', () => this.page(input.NextToken, [...this.queries.values()]
      .filter((query) => input.EventDataStore.endsWith(`/${query.store}`) && !this.missed(query.QueryId))
      .map(({ QueryId, QueryStatus: status, CreationTime }) => ({ QueryId, QueryStatus: status, CreationTime })), 'Queries')));
    stub.on(DescribeQueryCommand).callsFake(async (input) => this.faulty('DescribeQuery', () => {
      const { CreationTime, store, ...query } = this.query(input.QueryId!);
      return { ...query, QueryStatistics: { ...query.QueryStatistics, CreationTime } };
    }));
    stub.on(CancelQueryCommand).callsFake(async (input) => this.faulty('CancelQuery', () => {
      const query = this.query(input.QueryId);
      if (query.QueryStatus !== QueryStatus.QUEUED && query.QueryStatus !== QueryStatus.RUNNING) {
        throw awsError('InactiveQueryException');
      }
      query.QueryStatus = QueryStatus.CANCELLED;
      return { QueryId: query.QueryId, QueryStatus: query.QueryStatus };
    }));
    stub.on(StartImportCommand).callsFake(async (input) => this.faulty('StartImport', () => {
      const ongoing = [...this.imports.values()].find((item) => item.ImportStatus === ImportStatus.INITIALIZING
        || item.ImportStatus === ImportStatus.IN_PROGRESS);
      if (ongoing) {
        throw awsError('AccountHasOngoingImportException', `Import ${ongoing.ImportId} is in progress.`);
      }
      const started = this.addImport({ input, ImportStatus: ImportStatus.INITIALIZING, CreatedTimestamp: this.startTime() });
      this.hide(started.ImportId);
      return { ImportId: started.ImportId, ImportStatus: started.ImportStatus, Destinations: input.Destinations };
    }));
    stub.on(ListImportsCommand).callsFake(async (input) => this.faulty('ListImports', () => this.page(input.NextToken, [...this.imports.values()]
      .filter((item) => !input.Destination || item.input.Destinations?.includes(input.Destination))
      .filter((item) => !input.ImportStatus || item.ImportStatus === input.ImportStatus)
      .filter((item) => !this.missed(item.ImportId))
      .map((item) => ({
        ImportId: item.ImportId, ImportStatus: item.ImportStatus, CreatedTimestamp: item.CreatedTimestamp, Destinations: item.input.Destinations,
      })), 'Imports')));
    stub.on(GetImportCommand).callsFake(async (input) => this.faulty('GetImport', () => {
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
    }));
    stub.on(StopImportCommand).callsFake(async (input) => this.faulty('StopImport', () => {
      const found = this.import(input.ImportId);
      found.ImportStatus = ImportStatus.STOPPED;
      return { ImportId: found.ImportId, ImportStatus: found.ImportStatus };
    }));
  }

  /** The next calls of the command throw these errors, one each, before it answers again. */
  public fail(command: FaultyCommand, ...errors: Error[]): void {
    this.faults.set(command, [...this.faults.get(command) ?? [], ...errors]);
  }

  /**
   * The next `times` calls of the command take effect, but their answer is lost, and the SDK sends the same request
   * again: the caller sees the answer to the second one.
   */
  public loseResponses(command: 'StartQuery' | 'StartImport', times = 1): void {
    this.lost.set(command, times);
  }

  /** What a start creates from now on is unknown to the next `calls` calls that look for it (and to listings meanwhile). */
  public lag(calls: number): void {
    this.lagCalls = calls;
  }

  /** The next `calls` calls that look for the query or import miss it, as if CloudTrail did not know it yet. */
  public hideFor(id: string, calls: number): void {
    this.hidden.set(id, calls);
  }

  private async faulty<T>(command: FaultyCommand, answer: () => T): Promise<T> {
    const fault = this.faults.get(command)?.shift();
    if (fault) {
      throw fault;
    }
    const lost = this.lost.get(command) ?? 0;
    if (lost > 0) {
      this.lost.set(command, lost - 1);
      try {
        answer();
      } catch {
        // the SDK never saw this answer
      }
    }
    return answer();
  }

  // each start a moment after the one before it
  private startTime(): Date {
    return new Date(Date.now() + this.sequence++);
  }

  private hide(id: string): void {
    if (this.lagCalls > 0) {
      this.hidden.set(id, this.lagCalls);
    }
  }

  /** Whether a call that names or lists the item misses it (and counts down its lag). */
  private missed(id: string): boolean {
    const left = this.hidden.get(id) ?? 0;
    if (left > 0) {
      this.hidden.set(id, left - 1);
      return true;
    }
    return false;
  }

  private page<K extends string, T>(token: string | undefined, items: T[], key: K): Record<K, T[]> & { NextToken?: string } {
    const start = Number(token ?? 0);
    const next = start + this.pageSize;
    const page = { [key]: items.slice(start, next), ...(next < items.length ? { NextToken: String(next) } : {}) };
    return page as Record<K, T[]> & { NextToken?: string };
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
    if (!query || this.missed(queryId)) {
      throw awsError('QueryIdNotFoundException');
    }
    return query;
  }

  public import(importId: string): FakeImport {
    const found = this.imports.get(importId);
    if (!found || this.missed(importId)) {
      throw awsError('ImportNotFoundException');
    }
    return found;
  }
}
