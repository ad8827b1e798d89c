import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { EXAMPLE_ENV, OrganizationAuditStack, SECURITY_TOOLING_ACCOUNT } from '../../examples/organization-audit';
import {
  DIRECTORY_COLLECTOR_ACCOUNT, DIRECTORY_COLLECTOR_EXTERNAL_ID, FINDINGS_BUCKET_NAME, SecurityToolingStack,
} from '../../examples/security-tooling';
import { summarize } from '../../examples/summary';
import { validatingApp } from '../util';

describe('example organization audit app', () => {
  const app = validatingApp();
  const stack = new OrganizationAuditStack(app, 'OrganizationAudit', { env: EXAMPLE_ENV });
  // the app's second stack, in the same app: one synthesis (and one load of the schema validation engine) for both
  const toolingStack = new SecurityToolingStack(app, 'SecurityTooling', { env: { account: SECURITY_TOOLING_ACCOUNT, region: EXAMPLE_ENV.region } });
  const template = Template.fromStack(stack);
  const toolingTemplate = Template.fromStack(toolingStack);

  test('the organization trail logs management events without KMS, then four kinds of data events', () => {
    const trail = Object.values(template.findResources('AWS::CloudTrail::Trail'))[0];
    expect(trail.Properties.IsOrganizationTrail).toBe(true);
    expect(trail.Properties.TrailName).toBe('organization-audit');
    expect(trail.Properties.InsightSelectors).toEqual(['ApiCallRateInsight', 'ApiErrorRateInsight']
      .map(type => ({ InsightType: type, EventCategories: ['Management', 'Data'] })));
    expect(trail.Properties.AggregationConfigurations).toEqual([{ EventCategory: 'Data', Templates: ['API_ACTIVITY', 'USER_ACTIONS'] }]);
    expect(trail.Properties.EventSelectors).toBeUndefined();
    const selectors = trail.Properties.AdvancedEventSelectors;
    expect(selectors.map((s: any) => s.Name)).toEqual([
      'Management events', 'Payment object writes', 'Ledger item access', 'Settlement invocations', 'SNS publishes',
    ]);
    expect(selectors[0].FieldSelectors).toContainEqual({ Field: 'eventSource', NotEquals: ['kms.amazonaws.com'] });
    expect(selectors[1].FieldSelectors).toContainEqual({
      Field: 'resources.ARN',
      StartsWith: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::payments-222222222222/']] }],
    });
  });

  test('calls that stop, delete or weaken the trail notify the same topic, which EventBridge may publish to', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({ 'detail-type': ['AWS API Call via CloudTrail'], 'detail': Match.objectLike({ eventName: Match.arrayWith(['StopLogging', 'DeleteTrail']) }) }),
      Targets: [Match.objectLike({ Arn: { Ref: Match.stringLikeRegexp('^SecurityAlarmTopic') } })],
    });
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([Match.objectLike({
          Principal: { Service: 'events.amazonaws.com' },
          Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        })]),
      },
    });
  });

  test('the CIS security alarms notify an encrypted topic', () => {
    template.resourceCountIs('AWS::Logs::MetricFilter', 15);
    template.resourceCountIs('AWS::CloudWatch::Alarm', 15);
    template.allResourcesProperties('AWS::CloudWatch::Alarm', { AlarmActions: [{ Ref: Match.stringLikeRegexp('^SecurityAlarmTopic') }] });
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^SecurityAlarmKey'), 'Arn'] } });
  });

  test('an organization telemetry rule sends the same management and data events to CloudWatch Logs in every Region', () => {
    const rule = Object.values(template.findResources('AWS::ObservabilityAdmin::OrganizationTelemetryRule'))[0].Properties.Rule;
    expect(rule).toMatchObject({ ResourceType: 'AWS::CloudTrail', TelemetryType: 'Logs', AllRegions: true });
    expect(rule.DestinationConfiguration).toMatchObject({ DestinationType: 'cloud-watch-logs', RetentionInDays: 365 });
    const selectors = rule.DestinationConfiguration.CloudtrailParameters.AdvancedEventSelectors;
    expect(selectors.map((s: any) => s.Name)).toEqual([
      'Management events', 'Payment object writes', 'Ledger item access', 'Settlement invocations', 'SNS publishes',
    ]);
    expect(selectors[0].FieldSelectors).toContainEqual({ Field: 'eventSource', NotEquals: ['kms.amazonaws.com'] });
  });

  test('the organization event data store logs write management events and the same data events for two years', () => {
    template.hasResourceProperties('AWS::CloudTrail::EventDataStore', {
      Name: 'organization-audit-lake',
      OrganizationEnabled: true,
      RetentionPeriod: 731,
      TerminationProtectionEnabled: true,
      KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^OrganizationLakeKey'), 'Arn'] },
      AdvancedEventSelectors: Match.arrayWith([{
        Name: 'Management events',
        FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'readOnly', Equals: ['false'] }],
      }]),
    });
    expect(template.findResources('AWS::CloudTrail::EventDataStore', {
      Properties: {
        AdvancedEventSelectors: Match.arrayWith([
          Match.objectLike({ Name: 'Payment object writes' }), Match.objectLike({ Name: 'SNS publishes' }),
        ]),
      },
    })).not.toEqual({});
  });

  test('the security tooling account may query the event data store and decrypt its events', () => {
    const tooling = { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::${SECURITY_TOOLING_ACCOUNT}:root`]] } };
    template.hasResourceProperties('AWS::CloudTrail::ResourcePolicy', {
      ResourcePolicy: { Statement: [Match.objectLike({ Principal: tooling, Action: Match.arrayWith(['cloudtrail:StartQuery', 'cloudtrail:GetQueryResults']) })] },
    });
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Principal: tooling, Action: ['kms:Decrypt', 'kms:GenerateDataKey'] })]) },
    });
  });

  test('the trail\'s first half-year of logs is imported into the lake, decrypted with the trail\'s key', () => {
    const [resource] = Object.values(template.findResources('Custom::CloudTrailLakeImport'));
    expect(resource.Properties).toMatchObject({
      Operation: 'LakeImport',
      EventDataStoreArn: { 'Fn::GetAtt': [expect.stringMatching(/^OrganizationLake/), 'EventDataStoreArn'] },
      S3LocationUri: { 'Fn::Join': ['', ['s3://', { Ref: expect.stringMatching(/^OrganizationTrail/) }]] },
      StartEventTime: '2026-01-01T00:00:00.000Z',
      EndEventTime: '2026-07-01T00:00:00.000Z',
      WaitForCompletion: 'true',
    });
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([{
          Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^OrganizationTrailKey'), 'Arn'] },
        }]),
      },
    });
    // the trail's key and bucket, of this stack, let the import role in too (CloudTrail User Guide, "Copy trail events
    // to an event data store")
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'CloudTrailLakeImportDecrypt' })]) },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'CloudTrailLakeImportRead' })]) },
    });
  });

  test('a query counts each account\'s writes once the import is done, and delivers the results to the trail bucket', () => {
    const queries = template.findResources('Custom::CloudTrailLakeQuery');
    const [logicalId] = Object.keys(queries);
    expect(queries[logicalId].Properties.QueryStatement).toEqual({
      'Fn::Join': ['', ['SELECT recipientAccountId, count(*) AS writes FROM ', expect.anything(),
        " WHERE eventTime >= '2026-01-01 00:00:00' GROUP BY recipientAccountId ORDER BY writes DESC"]],
    });
    expect(queries[logicalId].Properties.DeliveryS3Uri).toEqual({ 'Fn::Join': ['', ['s3://', { Ref: expect.stringMatching(/^OrganizationTrail/) }, '/lake-query-results']] });
    expect(queries[logicalId].DependsOn).toContain(Object.keys(template.findResources('Custom::CloudTrailLakeImport'))[0]);
    template.resourceCountIs('AWS::StepFunctions::StateMachine', 1);
  });

  test('the app synthesizes with CloudFormation schema validation as errors and no warnings', () => {
    expect(() => app.synth()).not.toThrow();
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  test('the summary names the stack, its selectors and their value counts', () => {
    const summary = summarize(app.synth());
    expect(summary).toContain('Stack OrganizationAudit (111111111111/us-east-1): 72 resources');
    expect(summary).toMatch(/AWS::CloudTrail::Trail OrganizationTrail\w+: 5 advanced event selector\(s\), 16 value\(s\) \(quota 500\)/);
    expect(summary).toContain('[1] Payment object writes: Data AWS::S3::Object — 4 value(s)');
    expect(summary).toContain('[4] SNS publishes: Data AWS::SNS::Topic — 4 value(s)');
    expect(summary).toMatch(/AWS::ObservabilityAdmin::OrganizationTelemetryRule CloudWatchSearch\w+: 5 advanced event selector\(s\), 16 value\(s\)\n/);
    expect(summary).toMatch(/AWS::CloudTrail::EventDataStore OrganizationLake\w+: 5 advanced event selector\(s\), 16 value\(s\) \(quota 500\)/);
    expect(summary).toContain('warnings: 0');
  });

  test('snapshot', () => {
    expect(template.toJSON()).toMatchSnapshot();
  });

  describe('the security tooling stack', () => {
    const storeArn = { 'Fn::GetAtt': [Match.stringLikeRegexp('^DirectoryEvents'), 'EventDataStoreArn'] };

    test('a store of events from outside AWS keeps the directory\'s sign-ins for a year, in the stack\'s Region only', () => {
      toolingTemplate.hasResourceProperties('AWS::CloudTrail::EventDataStore', {
        Name: 'directory-sign-ins',
        RetentionPeriod: 365,
        MultiRegionEnabled: false,
        AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['ActivityAuditLog'] }] }],
      });
    });

    test('the collector\'s account may send events through the channel, with its external ID only', () => {
      toolingTemplate.hasResourceProperties('AWS::CloudTrail::Channel', { Source: 'Custom', Destinations: [{ Type: 'EVENT_DATA_STORE', Location: storeArn }] });
      toolingTemplate.hasResourceProperties('AWS::CloudTrail::ResourcePolicy', {
        ResourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DirectoryChannel'), 'ChannelArn'] },
        ResourcePolicy: {
          Statement: [Match.objectLike({
            Action: 'cloudtrail-data:PutAuditEvents',
            Principal: { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::${DIRECTORY_COLLECTOR_ACCOUNT}:root`]] } },
            Condition: { StringEquals: { 'cloudtrail:ExternalId': DIRECTORY_COLLECTOR_EXTERNAL_ID } },
          })],
        },
      });
    });

    test('a dashboard charts failed sign-ins every 6 hours, and CloudTrail may query the store for this dashboard only', () => {
      const dashboard = Object.values(toolingTemplate.findResources('AWS::CloudTrail::Dashboard'))[0].Properties;
      expect(dashboard).toMatchObject({ Name: 'directory-sign-ins', RefreshSchedule: { Frequency: { Unit: 'HOURS', Value: 6 }, Status: 'ENABLED' } });
      expect(dashboard.Widgets).toEqual([expect.objectContaining({
        QueryParameters: ['$StartTime$'],
        ViewProperties: expect.objectContaining({ Title: 'Failed sign-ins by user', View: 'BarChart', LabelColumn: 'principal', ValueColumn: 'failures' }),
      })]);
      const dashboardArn = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:cloudtrail:us-east-1:${SECURITY_TOOLING_ACCOUNT}:dashboard/directory-sign-ins`]] };
      toolingTemplate.hasResourceProperties('AWS::CloudTrail::ResourcePolicy', {
        ResourceArn: storeArn,
        ResourcePolicy: {
          Statement: [Match.objectLike({
            Action: 'cloudtrail:StartQuery',
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Condition: { StringEquals: { 'aws:SourceArn': dashboardArn, 'aws:SourceAccount': SECURITY_TOOLING_ACCOUNT } },
          })],
        },
      });
    });

    test('the first half-year of sign-ins is copied to CloudWatch Logs, with a role CloudTrail assumes', () => {
      const [exported] = Object.values(toolingTemplate.findResources('Custom::CloudTrailLakeExportToCloudWatch'));
      expect(exported.Properties).toMatchObject({
        Operation: 'LakeExportToCloudWatch',
        EventDataStoreArn: { 'Fn::GetAtt': [expect.stringMatching(/^DirectoryEvents/), 'EventDataStoreArn'] },
        ImportRoleArn: { 'Fn::GetAtt': [expect.stringMatching(/^SignInHistoryRole/), 'Arn'] },
        StartEventTime: '2026-01-01T00:00:00.000Z',
        EndEventTime: '2026-07-01T00:00:00.000Z',
        WaitForCompletion: 'true',
      });
      const role = toolingTemplate.toJSON().Resources[exported.Properties.ImportRoleArn['Fn::GetAtt'][0]];
      expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([expect.objectContaining({
        Principal: { Service: 'cloudtrail.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceAccount': SECURITY_TOOLING_ACCOUNT } },
      })]);
    });

    test('every hour, a scheduled query sends the last hour\'s lockouts to the findings bucket and tells the security topic', () => {
      const [schedule] = Object.values(toolingTemplate.findResources('AWS::Scheduler::Schedule'));
      expect(schedule.Properties).toMatchObject({ ScheduleExpression: 'rate(1 hour)', State: 'ENABLED', Description: 'Directory accounts locked out in the last hour' });
      const input = JSON.stringify(schedule.Properties.Target.Input);
      expect(input).toContain(`s3://${FINDINGS_BUCKET_NAME}/directory-lockouts`);
      expect(input).toContain('topicArn');
      expect(input).toContain("WHERE eventData.errorCode = 'AccountLockedOut' AND eventTime > date_add('hour', -1, now())");
    });

    test('the stack synthesizes with CloudFormation schema validation as errors and no warnings, and the summary names it', () => {
      const summary = summarize(app.synth());
      Annotations.fromStack(toolingStack).hasNoWarning('*', Match.anyValue());
      expect(summary).toMatch(/Stack SecurityTooling \(333333333333\/us-east-1\): \d+ resources\n(.*\n)* {4}1 × Custom::CloudTrailLakeExportToCloudWatch/);
    });
  });
});
