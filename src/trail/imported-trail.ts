import { Arn, ArnFormat, Resource, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { IOrganizationTrail, OrganizationTrailAttributes } from './organization-trail-ref';
import { SecurityAlarms, SecurityAlarmsOptions } from './security-alarms';
import { grantTrailRead } from './trail-read';
import { throwIfProblems } from '../core/problems';
import { trailArnProblems } from '../core/trail-rules';

/** An organization trail defined outside this app, such as Control Tower's. */
export class ImportedOrganizationTrail extends Resource implements IOrganizationTrail {
  public readonly trailArn: string;
  public readonly trailName: string;
  public readonly logGroup?: logs.ILogGroup;
  private readonly bucket?: s3.IBucket;
  private readonly encryptionKey?: kms.IKey;

  constructor(scope: Construct, id: string, attrs: OrganizationTrailAttributes) {
    const problems = trailArnProblems('trailArn', attrs.trailArn);
    // A malformed ARN is reported below, with the construct's path, instead of by aws-cdk-lib's ARN parser.
    const parsable = problems.length === 0 && !Token.isUnresolved(attrs.trailArn);
    super(scope, id, { environmentFromArn: parsable ? attrs.trailArn : undefined });
    throwIfProblems(this, problems);
    this.trailArn = attrs.trailArn;
    this.trailName = Arn.split(attrs.trailArn, ArnFormat.SLASH_RESOURCE_NAME).resourceName!;
    this.bucket = attrs.bucket;
    this.encryptionKey = attrs.encryptionKey;
    this.logGroup = attrs.logGroup;
  }

  public grantRead(grantee: iam.IGrantable): iam.Grant {
    if (!this.bucket) {
      throwIfProblems(this, [{
        id: 'ImportedTrailNeedsBucket',
        property: 'bucket',
        rule: 'grantRead grants reading the trail\'s log bucket, and the imported trail names none',
        fix: 'import the trail with OrganizationTrail.fromTrailAttributes and pass its bucket (and encryptionKey)',
      }]);
    }
    return grantTrailRead(grantee, this.bucket!, this.encryptionKey);
  }

  public addSecurityAlarms(id: string, options: SecurityAlarmsOptions): SecurityAlarms {
    if (!this.logGroup) {
      throwIfProblems(this, [{
        id: 'SecurityAlarmsNeedLogGroup',
        property: 'logGroup',
        rule: 'security alarms filter the events in the trail\'s log group, and the imported trail names none',
        fix: 'import the trail with OrganizationTrail.fromTrailAttributes and pass the log group it delivers to, '
          + 'e.g. logs.LogGroup.fromLogGroupName(this, \'TrailLogs\', \'aws-controltower/CloudTrailLogs\')',
      }]);
    }
    return new SecurityAlarms(this, id, { ...options, logGroup: this.logGroup! });
  }
}
