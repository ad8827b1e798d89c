import * as iam from 'aws-cdk-lib/aws-iam';
import { IEventDataStore } from './event-data-store-props';

/**
 * What a function that runs queries on a store needs: the query actions on that store (Service
 * Authorization Reference: they take the eventdatastore resource type) and, for an encrypted store,
 * its key (CloudTrail User Guide: query callers need kms:Decrypt and kms:GenerateDataKey).
 */
export function queryRunnerStatements(store: IEventDataStore, actions: string[]): iam.PolicyStatement[] {
  const statements = [new iam.PolicyStatement({ actions: actions.map(action => `cloudtrail:${action}`), resources: [store.eventDataStoreArn] })];
  if (store.encryptionKey) {
    statements.push(new iam.PolicyStatement({ actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [store.encryptionKey.keyArn] }));
  }
  return statements;
}
