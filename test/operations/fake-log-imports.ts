import { randomUUID } from 'crypto';
import {
  CancelImportTaskCommand, CloudWatchLogsClient, CloudWatchLogsServiceException, CreateImportTaskCommand, DescribeImportTaskBatchesCommand,
  DescribeImportTasksCommand, ImportBatch, ImportFilter, ImportStatus,
} from '@aws-sdk/client-cloudwatch-logs';
import { AwsClientStub } from 'aws-sdk-client-mock';
import { NOW } from './helpers';

/** An import task CloudWatch Logs knows. */
export interface FakeTask {
  importId: string;
  importSourceArn: string;
  importRoleArn: string;
  importFilter?: ImportFilter;
  importStatus: ImportStatus;
  importDestinationArn: string;
  creationTime: number;
  bytesImported?: number;
  errorMessage?: string;
  batches?: ImportBatch[];
}

/** The commands whose calls a test can make fail (see `fail`). */
export type FaultyLogsCommand = 'CreateImportTask' | 'DescribeImportTasks' | 'CancelImportTask' | 'DescribeImportTaskBatches';

// CloudWatch Logs API Reference, CreateImportTask: "no more than 3 active imports per account at a given time"
const MAX_ACTIVE = 3;

/** A CloudWatch Logs error as the SDK throws it. */
export function logsError(name: string, message: string = `${name} message`, status = 400): Error {
  return new CloudWatchLogsServiceException({ name, message, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status, attempts: 4 } });
}

/**
 * CloudWatch Logs imports from CloudTrail Lake behind a mocked client: remembers the tasks it started, so that tests see
 * what a repeated or late call really finds. Faults are seeded, never random: `fail` makes the next calls of a command
 * throw (throttling, 5xx, after the SDK's retries); `loseResponses` makes a CreateImportTask take effect while its answer
 * is lost and the SDK sends it again; `lag` hides what a start created from the next calls (eventual consistency), in
 * which DescribeImportTasks answers an empty list; `pageSize` pages the listings. Like CloudWatch Logs, it runs at most
 * three active imports per account and refuses a fourth with ConflictException.
 */
export class FakeLogImports {
  public readonly tasks = new Map<string, FakeTask>();
  public pageSize = 50;
  private readonly faults = new Map<FaultyLogsCommand, Array<Error | undefined>>();
  private lostCreates = 0;
  private readonly hidden = new Map<string, number>();
  private lagCalls = 0;
  private sequence = 0;

  constructor(stub: AwsClientStub<CloudWatchLogsClient>) {
    stub.on(CreateImportTaskCommand).callsFake(async (input) => this.faulty('CreateImportTask', () => {
      if (this.lostCreates > 0) {
        this.lostCreates--;
        this.create(input);
      }
      const task = this.create(input);
      return { importId: task.importId, importDestinationArn: task.importDestinationArn, creationTime: task.creationTime };
    }));
    stub.on(DescribeImportTasksCommand).callsFake(async (input) => this.faulty('DescribeImportTasks', () => {
      const all = [...this.tasks.values()]
        .filter((task) => !input.importId || task.importId === input.importId)
        .filter((task) => !input.importSourceArn || task.importSourceArn === input.importSourceArn)
        .filter((task) => !input.importStatus || task.importStatus === input.importStatus)
        .filter((task) => !this.missed(task.importId))
        .map(({ importRoleArn, bytesImported, batches, ...task }) => ({ ...task, importStatistics: { bytesImported: bytesImported ?? 0 } }));
      const start = Number(input.nextToken ?? 0);
      const next = start + this.pageSize;
      return { imports: all.slice(start, next), ...(next < all.length ? { nextToken: String(next) } : {}) };
    }));
    stub.on(CancelImportTaskCommand).callsFake(async (input) => this.faulty('CancelImportTask', () => {
      const task = this.task(input.importId!);
      if (task.importStatus !== ImportStatus.IN_PROGRESS) {
        throw logsError('InvalidOperationException', `Import ${task.importId} is ${task.importStatus}`);
      }
      task.importStatus = ImportStatus.CANCELLED;
      return { importId: task.importId, importStatus: task.importStatus, importStatistics: { bytesImported: task.bytesImported ?? 0 } };
    }));
    stub.on(DescribeImportTaskBatchesCommand).callsFake(async (input) => this.faulty('DescribeImportTaskBatches', () => {
      const task = this.task(input.importId!);
      const batches = (task.batches ?? []).filter((batch) => !input.batchImportStatus || input.batchImportStatus.includes(batch.status!));
      return { importId: task.importId, importSourceArn: task.importSourceArn, importBatches: batches.slice(0, input.limit ?? batches.length) };
    }));
  }

  /** The next calls of the command throw these errors, one each, before it answers again. */
  public fail(command: FaultyLogsCommand, ...errors: Error[]): void {
    this.failLater(command, 0, ...errors);
  }

  /** The calls of the command after the next `answered` ones throw these errors, one each. */
  public failLater(command: FaultyLogsCommand, answered: number, ...errors: Error[]): void {
    this.faults.set(command, [...this.faults.get(command) ?? [], ...Array.from({ length: answered }, () => undefined), ...errors]);
  }

  /** The next `times` CreateImportTask calls take effect, but their answer is lost, and the SDK sends the same request again. */
  public loseResponses(times = 1): void {
    this.lostCreates = times;
  }

  /** What a start creates from now on is unknown to the next `calls` calls that look for it. */
  public lag(calls: number): void {
    this.lagCalls = calls;
  }

  /** The next `calls` calls that look for the task miss it. */
  public hideFor(importId: string, calls: number): void {
    this.hidden.set(importId, calls);
  }

  /** Adds a task, created a minute ago and in progress unless told otherwise. */
  public add(task: Partial<FakeTask> & Pick<FakeTask, 'importSourceArn'>): FakeTask {
    const added: FakeTask = {
      importId: randomUUID(),
      importRoleArn: 'arn:aws:iam::111111111111:role/other',
      importStatus: ImportStatus.IN_PROGRESS,
      importDestinationArn: destinationOf(task.importSourceArn),
      creationTime: NOW - 60_000,
      ...task,
    };
    this.tasks.set(added.importId, added);
    return added;
  }

  public task(importId: string): FakeTask {
    const task = this.tasks.get(importId);
    if (!task) {
      throw logsError('ResourceNotFoundException', `Import ${importId} not found`);
    }
    return task;
  }

  private create(input: { importSourceArn?: string; importRoleArn?: string; importFilter?: ImportFilter }): FakeTask {
    const active = [...this.tasks.values()].filter((task) => task.importStatus === ImportStatus.IN_PROGRESS);
    if (active.length >= MAX_ACTIVE) {
      throw logsError('ConflictException', 'Too many active imports');
    }
    const task = this.add({
      importSourceArn: input.importSourceArn!,
      importRoleArn: input.importRoleArn!,
      importFilter: input.importFilter,
      creationTime: Date.now() + this.sequence++,
    });
    if (this.lagCalls > 0) {
      this.hidden.set(task.importId, this.lagCalls);
    }
    return task;
  }

  private async faulty<T>(command: FaultyLogsCommand, answer: () => T): Promise<T> {
    const fault = this.faults.get(command)?.shift();
    if (fault) {
      throw fault;
    }
    return answer();
  }

  private missed(importId: string): boolean {
    const left = this.hidden.get(importId) ?? 0;
    if (left > 0) {
      this.hidden.set(importId, left - 1);
      return true;
    }
    return false;
  }
}

/** The managed log group CloudWatch Logs names after the store (API reference, CreateImportTask example). */
export function destinationOf(storeArn: string): string {
  const [, , , region, account, resource] = storeArn.split(':');
  return `arn:aws:logs:${region}:${account}:log-group:aws/cloudtrail/${resource.split('/')[1]}`;
}
