import { readFileSync } from 'fs';
import * as path from 'path';
import { Annotations as CoreAnnotations, App, Errors, Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { DataEventSelectors, DataResourceType, NetworkActivityErrorCode, NetworkActivityEventSource } from '../../src';
import { formatProblem } from '../../src/core/problems';
import { errorOf, testStack } from '../util';

function cfnTrail(stack: Stack, id = 'Trail'): cloudtrail.CfnTrail {
  return new cloudtrail.CfnTrail(stack, id, { isLogging: true, s3BucketName: 'audit-logs' });
}

function cfnStore(stack: Stack, id = 'Store'): cloudtrail.CfnEventDataStore {
  return new cloudtrail.CfnEventDataStore(stack, id, {});
}

describe('builder', () => {
  test('addS3Objects with buckets and a prefix renders StartsWith on bucket ARN plus prefix', () => {
    const stack = testStack();
    const bucket = s3.Bucket.fromBucketName(stack, 'B', 'payments');
    const selectors = new DataEventSelectors().addS3Objects({
      name: 'Payments', buckets: [bucket], objectPrefix: 'invoices/', readWriteType: cloudtrail.ReadWriteType.WRITE_ONLY,
    });
    expect(stack.resolve(selectors.advancedEventSelectors)).toEqual([{
      name: 'Payments',
      fieldSelectors: [
        { field: 'eventCategory', equalTo: ['Data'] },
        { field: 'resources.type', equalTo: ['AWS::S3::Object'] },
        { field: 'readOnly', equalTo: ['false'] },
        { field: 'resources.ARN', startsWith: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::payments/invoices/']] }] },
      ],
    }]);
    expect(selectors.valueCount).toBe(4);
  });

  test('user resourceArns conditions merge with the buckets, operator by operator', () => {
    const stack = testStack();
    const bucket = s3.Bucket.fromBucketArn(stack, 'B', 'arn:aws:s3:::payments');
    const selectors = new DataEventSelectors().addS3Objects({
      buckets: [bucket],
      resourceArns: { startsWith: ['arn:aws:s3:::reports/'], notStartsWith: ['arn:aws:s3:::payments/tmp/'] },
    });
    expect(selectors.advancedEventSelectors[0].fieldSelectors[2]).toEqual({
      field: 'resources.ARN',
      startsWith: ['arn:aws:s3:::payments/', 'arn:aws:s3:::reports/'],
      notStartsWith: ['arn:aws:s3:::payments/tmp/'],
    });
  });

  test('Lambda functions and DynamoDB tables use Equals on their ARNs', () => {
    const stack = testStack();
    const fn = lambda.Function.fromFunctionArn(stack, 'F', 'arn:aws:lambda:us-east-1:111111111111:function:settle');
    const table = dynamodb.Table.fromTableArn(stack, 'T', 'arn:aws:dynamodb:us-east-1:111111111111:table/ledger');
    const selectors = new DataEventSelectors()
      .addLambdaFunctions({ functions: [fn], readWriteType: cloudtrail.ReadWriteType.READ_ONLY })
      .addDynamoDbTables({ tables: [table], eventNames: { equalTo: ['PutItem'] }, userIdentityArns: { notStartsWith: ['arn:aws:sts::111111111111:assumed-role/etl'] } });
    expect(selectors.advancedEventSelectors).toEqual([
      {
        fieldSelectors: [
          { field: 'eventCategory', equalTo: ['Data'] },
          { field: 'resources.type', equalTo: ['AWS::Lambda::Function'] },
          { field: 'readOnly', equalTo: ['true'] },
          { field: 'resources.ARN', equalTo: ['arn:aws:lambda:us-east-1:111111111111:function:settle'] },
        ],
      },
      {
        fieldSelectors: [
          { field: 'eventCategory', equalTo: ['Data'] },
          { field: 'resources.type', equalTo: ['AWS::DynamoDB::Table'] },
          { field: 'eventName', equalTo: ['PutItem'] },
          { field: 'resources.ARN', equalTo: ['arn:aws:dynamodb:us-east-1:111111111111:table/ledger'] },
          { field: 'userIdentity.arn', notStartsWith: ['arn:aws:sts::111111111111:assumed-role/etl'] },
        ],
      },
    ]);
  });

  test('without resources, a selector logs every resource of the type', () => {
    expect(new DataEventSelectors().addDataEvents(DataResourceType.DYNAMODB_STREAM).advancedEventSelectors).toEqual([{
      fieldSelectors: [
        { field: 'eventCategory', equalTo: ['Data'] },
        { field: 'resources.type', equalTo: ['AWS::DynamoDB::Stream'] },
      ],
    }]);
  });
});

describe('applyToCfnTrail', () => {
  test('renders the management selector first, then the data selectors', () => {
    const stack = testStack();
    new DataEventSelectors().addS3Objects().applyToCfnTrail(cfnTrail(stack), {
      managementEvents: cloudtrail.ReadWriteType.WRITE_ONLY,
      excludeManagementEventSources: [cloudtrail.ManagementEventSources.KMS, cloudtrail.ManagementEventSources.RDS_DATA_API],
    });
    Template.fromStack(stack).hasResourceProperties('AWS::CloudTrail::Trail', {
      AdvancedEventSelectors: [
        {
          Name: 'Management events',
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Management'] },
            { Field: 'readOnly', Equals: ['false'] },
            { Field: 'eventSource', NotEquals: ['kms.amazonaws.com', 'rdsdata.amazonaws.com'] },
          ],
        },
        {
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Data'] },
            { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
          ],
        },
      ],
      EventSelectors: Match.absent(),
    });
  });

  test('managementEvents NONE leaves only the data selectors', () => {
    const stack = testStack();
    new DataEventSelectors().addLambdaFunctions().applyToCfnTrail(cfnTrail(stack), { managementEvents: cloudtrail.ReadWriteType.NONE });
    const selectors = Template.fromStack(stack).findResources('AWS::CloudTrail::Trail').Trail.Properties.AdvancedEventSelectors;
    expect(selectors).toHaveLength(1);
    expect(selectors[0].FieldSelectors[1]).toEqual({ Field: 'resources.type', Equals: ['AWS::Lambda::Function'] });
  });

  test('managementEvents NONE without data events is rejected, since CloudTrail would then log all management events', () => {
    const stack = testStack();
    const error = errorOf(() => new DataEventSelectors().applyToCfnTrail(cfnTrail(stack), { managementEvents: cloudtrail.ReadWriteType.NONE }));
    expect(Errors.isValidationError(error)).toBe(true);
    expect(error.message).toBe('[Stack/Trail] [ManagementEventsNoneNeedsData] managementEvents "None": ReadWriteType.NONE leaves no selector, and without selectors CloudTrail logs all management events (PutEventSelectors). Fix: add data events, or log management events');
  });

  test('every builder problem is reported at once, with the construct path', () => {
    const stack = testStack();
    const selectors = new DataEventSelectors()
      .addS3Objects({ buckets: [], objectPrefix: 'logs/' })
      .addLambdaFunctions({ readWriteType: cloudtrail.ReadWriteType.NONE });
    expect(errorOf(() => selectors.applyToCfnTrail(cfnTrail(stack))).message).toBe([
      '3 problems:',
      '  [Stack/Trail] [ResourceListNotEmpty] dataEvents.addS3Objects(#1).buckets []: an empty list would log every bucket, which is rarely what an empty list means. Fix: name at least one bucket, or leave the option out to log every bucket',
      '  [Stack/Trail] [ObjectPrefixNeedsBuckets] dataEvents.addS3Objects(#1).objectPrefix "logs/": an object prefix applies to the given buckets, and no bucket is given. Fix: add buckets, or use resourceArns: { startsWith: [\'arn:aws:s3:::bucket/prefix\'] }',
      '  [Stack/Trail] [ReadWriteTypeNotNone] dataEvents.addLambdaFunctions(#1).readWriteType "None": ReadWriteType.NONE selects no event, so the selector would log nothing. Fix: leave the selector out, or use READ_ONLY, WRITE_ONLY or ALL',
    ].join('\n'));
  });

  test('a trail management selector cannot exclude other sources than KMS and RDS Data API', () => {
    const stack = testStack();
    const raw = DataEventSelectors.fromAdvancedEventSelectors([{
      fieldSelectors: [{ field: 'eventCategory', equalTo: ['Management'] }, { field: 'eventSource', notEquals: ['s3.amazonaws.com'] }],
    }]);
    const error = errorOf(() => raw.applyToCfnTrail(cfnTrail(stack), { managementEvents: cloudtrail.ReadWriteType.NONE }));
    expect(error.message).toBe("[Stack/Trail] [SelectorFieldValue] dataEvents[0].fieldSelectors[1].notEquals[0] \"s3.amazonaws.com\": eventSource in Management selectors on a trail takes only 'kms.amazonaws.com' or 'rdsdata.amazonaws.com' (AdvancedFieldSelector Field, eventSource for management events on trails). Fix: use 'kms.amazonaws.com' or 'rdsdata.amazonaws.com'");
  });

  test('selectors added after applying are rendered and validated at synth', () => {
    const stack = testStack();
    const selectors = new DataEventSelectors().addS3Objects();
    selectors.applyToCfnTrail(cfnTrail(stack));
    selectors.addDataEvents(DataResourceType.S3_ACCESS_POINT, { resourceArns: { equalTo: ['arn:aws:s3:us-east-1:111111111111:bucket/x'] } });
    const error = errorOf(() => (stack.node.root as App).synth());
    expect(Errors.isValidationError(error)).toBe(true);
    expect(error.message).toBe([
      'Validation failed with the following errors:',
      '  [Stack/Trail] [ResourceArnFormat] dataEvents.addDataEvents(#1 AWS::S3::AccessPoint).resourceArns.equalTo[0] "arn:aws:s3:us-east-1:111111111111:bucket/x": with Equals, a AWS::S3::AccessPoint ARN must have the form arn:<partition>:s3:<region>:<account_ID>:accesspoint/<access_point_name> or arn:<partition>:s3:<region>:<account_ID>:accesspoint/<access_point_name>/object/<object_path> (AdvancedFieldSelector Field, resources.ARN). Fix: use the full resource ARN, or startsWith for a prefix',
    ].join('\n'));
  });

  test('a valid selector added later appears in the template', () => {
    const stack = testStack();
    const selectors = new DataEventSelectors();
    selectors.applyToCfnTrail(cfnTrail(stack));
    selectors.addDataEvents(DataResourceType.SQS_QUEUE);
    const rendered = Template.fromStack(stack).findResources('AWS::CloudTrail::Trail').Trail.Properties.AdvancedEventSelectors;
    expect(rendered.map((s: any) => s.FieldSelectors[1]?.Equals?.[0] ?? s.FieldSelectors[0].Equals[0])).toEqual(['Management', 'AWS::SQS::Queue']);
  });

  test("aws-cdk-lib's Trail with basic event selectors is rejected: CloudTrail takes one kind", () => {
    const stack = testStack();
    const trail = new cloudtrail.Trail(stack, 'Trail');
    trail.logAllLambdaDataEvents();
    expect(errorOf(() => new DataEventSelectors().addS3Objects().applyToCfnTrail(trail.node.defaultChild as cloudtrail.CfnTrail)).message)
      .toBe('[Stack/Trail/Resource] [NoBasicEventSelectors] eventSelectors: a trail takes basic event selectors or advanced event selectors, not both (PutEventSelectors). Fix: remove the basic event selectors; DataEventSelectors covers every basic selector and more');
  });

  test("aws-cdk-lib's Trail without basic selectors takes advanced ones", () => {
    const stack = testStack();
    const trail = new cloudtrail.Trail(stack, 'Trail');
    new DataEventSelectors().addS3Objects().applyToCfnTrail(trail.node.defaultChild as cloudtrail.CfnTrail);
    Template.fromStack(stack).hasResourceProperties('AWS::CloudTrail::Trail', {
      AdvancedEventSelectors: Match.arrayWith([Match.objectLike({ FieldSelectors: Match.arrayWith([{ Field: 'resources.type', Equals: ['AWS::S3::Object'] }]) })]),
      EventSelectors: Match.absent(),
    });
  });

  test('a type newer than the catalogue is accepted with a warning that its ARNs are not checked', () => {
    const stack = testStack();
    new DataEventSelectors().addDataEvents(DataResourceType.of('AWS::Future::Thing')).applyToCfnTrail(cfnTrail(stack));
    Annotations.fromStack(stack).hasWarning('/Stack/Trail', Match.stringLikeRegexp(
      "^\\[UncheckedResourceType\\] resources.type AWS::Future::Thing is not in this library's catalogue: its resources.ARN values are not checked"));
  });

  test('the unchecked-type warning has the rule id, and acknowledging it silences it', () => {
    const stack = testStack();
    const trail = cfnTrail(stack);
    new DataEventSelectors().addDataEvents(DataResourceType.of('AWS::Future::Thing')).applyToCfnTrail(trail);
    CoreAnnotations.of(trail).acknowledgeWarning('cdk-cloudtrail-org:UncheckedResourceType', 'ARNs checked by hand');
    Annotations.fromStack(stack).hasNoWarning('/Stack/Trail', Match.anyValue());
  });

  test('the same raw type without DataResourceType.of is rejected as unknown', () => {
    const stack = testStack();
    const raw = DataEventSelectors.fromAdvancedEventSelectors([{
      fieldSelectors: [{ field: 'eventCategory', equalTo: ['Data'] }, { field: 'resources.type', equalTo: ['AWS::Future::Thing'] }],
    }]);
    expect(errorOf(() => raw.applyToCfnTrail(cfnTrail(stack))).message).toBe("[Stack/Trail] [ResourceTypeKnown] dataEvents[0].fieldSelectors[1].equalTo[0] \"AWS::Future::Thing\": resources.type is not a data resource type this library knows (AdvancedFieldSelector Field, resources.type). Fix: use a DataResourceType constant; for a type newer than this library, declare it with DataResourceType.of('AWS::Future::Thing')");
    const declared = DataEventSelectors.fromAdvancedEventSelectors(raw.advancedEventSelectors, [DataResourceType.of('AWS::Future::Thing')]);
    expect(() => declared.applyToCfnTrail(cfnTrail(stack, 'Trail2'))).not.toThrow();
  });

  test("the library's message comes before CloudFormation's own schema validation", () => {
    const stack = testStack();
    const raw = DataEventSelectors.fromAdvancedEventSelectors([{ fieldSelectors: [{ field: 'eventCategory', equalTo: ['Data'] }, { field: 'resources.ARN', startsWith: [] }] }]);
    const error = errorOf(() => raw.applyToCfnTrail(cfnTrail(stack)));
    expect(error.message).toContain('[SelectorValuesRequired] dataEvents[0].fieldSelectors[1].startsWith []: an operator of "resources.ARN" needs at least one value (API model Operator, min 1)');
    expect(error.message).not.toContain('CloudFormation Validate');
  });
});

describe('applyToCfnEventDataStore', () => {
  test('store-only fields are accepted on an event data store and rejected on a trail', () => {
    const raw = [{
      name: 'Console writes',
      fieldSelectors: [
        { field: 'eventCategory', equalTo: ['Management'] },
        { field: 'sessionCredentialFromConsole', equalTo: ['true'] },
        { field: 'eventName', notEquals: ['AssumeRole'] },
      ],
    }];
    const stack = testStack();
    DataEventSelectors.fromAdvancedEventSelectors(raw).applyToCfnEventDataStore(cfnStore(stack), { managementEvents: cloudtrail.ReadWriteType.NONE });
    Template.fromStack(stack).hasResourceProperties('AWS::CloudTrail::EventDataStore', {
      AdvancedEventSelectors: [{
        Name: 'Console writes',
        FieldSelectors: [
          { Field: 'eventCategory', Equals: ['Management'] },
          { Field: 'sessionCredentialFromConsole', Equals: ['true'] },
          { Field: 'eventName', NotEquals: ['AssumeRole'] },
        ],
      }],
    });
    const onTrail = DataEventSelectors.fromAdvancedEventSelectors(raw);
    const error = errorOf(() => onTrail.applyToCfnTrail(cfnTrail(stack), { managementEvents: cloudtrail.ReadWriteType.NONE }));
    expect(error.message).toBe([
      '2 problems:',
      '  [Stack/Trail] [SelectorFieldAllowed] dataEvents[0].fieldSelectors[1].field "sessionCredentialFromConsole": sessionCredentialFromConsole is not allowed in Management selectors on a trail; it is allowed in Data selectors on trails and event data stores, Management selectors on event data stores (AdvancedFieldSelector Field). Fix: remove this field selector',
      '  [Stack/Trail] [SelectorFieldAllowed] dataEvents[0].fieldSelectors[2].field "eventName": eventName is not allowed in Management selectors on a trail; it is allowed in Data/NetworkActivity selectors on trails and event data stores, Management selectors on event data stores (AdvancedFieldSelector Field). Fix: remove this field selector',
    ].join('\n'));
  });

  test('the management selector counts toward the five selectors of an event data store', () => {
    const stack = testStack();
    const selectors = new DataEventSelectors();
    const types = [
      DataResourceType.S3_OBJECT, DataResourceType.LAMBDA_FUNCTION, DataResourceType.DYNAMODB_TABLE,
      DataResourceType.SNS_TOPIC, DataResourceType.SQS_QUEUE,
    ];
    types.forEach(type => selectors.addDataEvents(type));
    expect(errorOf(() => selectors.applyToCfnEventDataStore(cfnStore(stack))).message).toBe('[Stack/Store] [SelectorCount] dataEvents: 6 advanced event selectors, counting the management-events selector; an event data store takes at most 5 (CreateEventDataStore AdvancedEventSelectors). Fix: merge selectors of the same resource type, or use a second event data store');
    const dataOnly = cfnStore(stack, 'DataOnly');
    expect(() => selectors.applyToCfnEventDataStore(dataOnly, { managementEvents: cloudtrail.ReadWriteType.NONE })).not.toThrow();
  });

  test('snapshot of a trail and a store sharing one selector set', () => {
    const stack = testStack();
    const selectors = new DataEventSelectors()
      .addS3Objects({ buckets: [s3.Bucket.fromBucketName(stack, 'B', 'payments')], readWriteType: cloudtrail.ReadWriteType.WRITE_ONLY })
      .addDataEvents(DataResourceType.SNS_TOPIC, { eventNames: { equalTo: ['Publish'] } });
    selectors.applyToCfnTrail(cfnTrail(stack));
    selectors.applyToCfnEventDataStore(cfnStore(stack));
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });
});

/** The lines of the README's fenced code blocks whose info string is `info`. */
function readmeCodeBlocks(info: string): string[][] {
  const blocks: string[][] = [];
  let open: { info: string; lines: string[] } | undefined;
  for (const line of readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8').split('\n')) {
    const fence = /^\s*```(.*)$/.exec(line);
    if (fence && !open) {
      open = { info: fence[1].trim(), lines: [] };
    } else if (fence && open) {
      if (open.info === info) blocks.push(open.lines);
      open = undefined;
    } else if (open) {
      open.lines.push(line.trim());
    }
  }
  return blocks;
}

test('the problem shown in the README is the one the library reports', () => {
  const stack = testStack();
  const selectors = new DataEventSelectors()
    .addLambdaFunctions()
    .addS3Objects({ resourceArns: { equalTo: ['arn:aws:s3:::payments'] } });
  const message = errorOf(() => selectors.applyToCfnTrail(cfnTrail(stack))).message;
  expect(message).toBe(
    '[Stack/Trail] [ResourceArnFormat] dataEvents.addS3Objects(#1).resourceArns.equalTo[0] "arn:aws:s3:::payments": with Equals, a AWS::S3::Object ARN must have the form arn:<partition>:s3:::<bucket_name>/<object_path> (AdvancedFieldSelector Field, resources.ARN). Fix: use startsWith with the bucket ARN and a trailing \'/\' to log every object of a bucket');
  // The README's "Rules" section shows it in a code block without a language, wrapped over lines.
  expect(readmeCodeBlocks('').map(block => block.join(' '))).toContain(message);
});

describe('messages name what the user wrote', () => {
  test('the builder call, its number among calls of that method, its name and the option', () => {
    const stack = testStack();
    const selectors = new DataEventSelectors()
      .addS3Objects({ buckets: [s3.Bucket.fromBucketArn(stack, 'B', 'arn:aws:s3:::payments')] })
      .addLambdaFunctions()
      .addS3Objects({ name: 'Payment writes', resourceArns: { equalTo: ['arn:aws:lambda:us-east-1:111111111111:function:settle'] }, eventNames: { equalTo: [''] } });
    expect(errorOf(() => selectors.applyToCfnTrail(cfnTrail(stack))).message).toBe([
      '2 problems:',
      '  [Stack/Trail] [SelectorValueLength] dataEvents.addS3Objects(#2 "Payment writes").eventNames.equalTo[0] "": must be 1 to 2048 characters long, got 0 (API model OperatorValue). Fix: use at least 1 character',
      '  [Stack/Trail] [ResourceArnFormat] dataEvents.addS3Objects(#2 "Payment writes").resourceArns.equalTo[0] "arn:aws:lambda:us-east-1:111111111111:function:settle": '
      + 'with Equals, a AWS::S3::Object ARN must have the form arn:<partition>:s3:::<bucket_name>/<object_path> (AdvancedFieldSelector Field, resources.ARN). '
      + 'Fix: this is an AWS::Lambda::Function ARN: log it with addLambdaFunctions, or in a selector whose resources.type is AWS::Lambda::Function',
    ].join('\n'));
  });

  test('values from functions come before the own resourceArns, counted apart', () => {
    const stack = testStack();
    const fn = lambda.Function.fromFunctionArn(stack, 'F', 'arn:aws:lambda:us-east-1:111111111111:function:settle');
    const selectors = new DataEventSelectors().addLambdaFunctions({ functions: [fn], resourceArns: { equalTo: ['arn:aws:lambda:us-east-1:111111111111:function:settle'] } });
    expect(errorOf(() => selectors.applyToCfnTrail(cfnTrail(stack))).message).toMatch(
      /^\[Stack\/Trail\] \[SelectorValuesUnique\] dataEvents\.addLambdaFunctions\(#1\)\.resourceArns\.equalTo \[/);
    const raw = DataEventSelectors.fromAdvancedEventSelectors(selectors.advancedEventSelectors);
    expect(errorOf(() => raw.applyToCfnTrail(cfnTrail(stack, 'Raw'))).message).toMatch(/\[SelectorValuesUnique\] dataEvents\[0\]\.fieldSelectors\[2\]\.equalTo /);
  });

  test('a resource type and readWriteType are named by their option', () => {
    const stack = testStack();
    const selectors = new DataEventSelectors().addDataEvents(DataResourceType.SNS_TOPIC, { resourceArns: { equalTo: ['arn:aws:sns:us-east-1:111111111111'] } });
    expect(errorOf(() => selectors.applyToCfnTrail(cfnTrail(stack))).message).toMatch(
      /^\[Stack\/Trail\] \[ResourceArnFormat\] dataEvents\.addDataEvents\(#1 AWS::SNS::Topic\)\.resourceArns\.equalTo\[0\] /);
  });
});

describe('warnings about values (UncheckedFieldValue, BucketPrefixTrailingSlash)', () => {
  test('a bucket ARN prefix without its slash warns with the call and option; acknowledging silences it', () => {
    const stack = testStack();
    const trail = cfnTrail(stack);
    new DataEventSelectors().addS3Objects({ resourceArns: { startsWith: ['arn:aws:s3:::payments'] } }).applyToCfnTrail(trail);
    Annotations.fromStack(stack).hasWarning('/Stack/Trail', Match.stringLikeRegexp(
      "^\\[BucketPrefixTrailingSlash\\] dataEvents\\.addS3Objects\\(#1\\)\\.resourceArns\\.startsWith\\[0\\] \"arn:aws:s3:::payments\": a bucket ARN without a trailing '/'"));
    const other = testStack();
    const acknowledged = cfnTrail(other);
    new DataEventSelectors().addS3Objects({ resourceArns: { startsWith: ['arn:aws:s3:::payments'] } }).applyToCfnTrail(acknowledged);
    CoreAnnotations.of(acknowledged).acknowledgeWarning('cdk-cloudtrail-org:BucketPrefixTrailingSlash', 'every payments* bucket is meant');
    Annotations.fromStack(other).hasNoWarning('/Stack/Trail', Match.anyValue());
  });

  test('buckets given to addS3Objects get their slash and no warning', () => {
    const stack = testStack();
    new DataEventSelectors().addS3Objects({ buckets: [s3.Bucket.fromBucketArn(stack, 'B', 'arn:aws:s3:::payments')] }).applyToCfnTrail(cfnTrail(stack));
    Annotations.fromStack(stack).hasNoWarning('/Stack/Trail', Match.anyValue());
  });

  test('a network-activity event source newer than the library is accepted with an acknowledgeable warning', () => {
    const stack = testStack();
    const store = cfnStore(stack);
    DataEventSelectors.fromAdvancedEventSelectors([{
      fieldSelectors: [{ field: 'eventCategory', equalTo: ['NetworkActivity'] }, { field: 'eventSource', equalTo: ['sqs.amazonaws.com'] }],
    }]).applyToCfnEventDataStore(store);
    Annotations.fromStack(stack).hasWarning('/Stack/Store', Match.stringLikeRegexp(
      '^\\[UncheckedFieldValue\\] dataEvents\\[0\\]\\.fieldSelectors\\[1\\]\\.equalTo\\[0\\] "sqs.amazonaws.com": eventSource in NetworkActivity selectors is not one of the values documented'));
    CoreAnnotations.of(store).acknowledgeWarning('cdk-cloudtrail-org:UncheckedFieldValue', 'SQS network activity events are newer than the library');
    Annotations.fromStack(stack).hasNoWarning('/Stack/Store', Match.anyValue());
  });
});

describe('regressions', () => {
  const apply = (selectors: DataEventSelectors) => errorOf(() => selectors.applyToCfnTrail(cfnTrail(testStack())));

  test('a type listed without an ARN format takes any Equals ARN', () => {
    const stack = testStack();
    DataEventSelectors.fromAdvancedEventSelectors([{
      fieldSelectors: [
        { field: 'eventCategory', equalTo: ['Data'] },
        { field: 'resources.type', equalTo: ['AWS::AppSync::GraphQLApi'] },
        { field: 'resources.ARN', equalTo: ['arn:aws:appsync:us-east-1:111111111111:apis/abc'] },
      ],
    }]).applyToCfnTrail(cfnTrail(stack));
    Template.fromStack(stack).hasResourceProperties('AWS::CloudTrail::Trail', {
      AdvancedEventSelectors: Match.arrayWith([Match.objectLike({ FieldSelectors: Match.arrayWith([{ Field: 'resources.ARN', Equals: ['arn:aws:appsync:us-east-1:111111111111:apis/abc'] }]) })]),
    });
  });

  test('an empty selector name is rejected before CloudFormation schema validation sees it', () => {
    expect(apply(new DataEventSelectors().addLambdaFunctions({ name: '' })).message).toBe(
      '[Stack/Trail] [SelectorNameLength] dataEvents.addLambdaFunctions(#1 "").name "": must be 1 to 1000 characters long, got 0 (CloudFormation AdvancedEventSelector Name). Fix: use at least 1 character');
  });

  test('excluded management event sources without management events are rejected', () => {
    const error = errorOf(() => new DataEventSelectors().addLambdaFunctions().applyToCfnTrail(cfnTrail(testStack()), {
      managementEvents: cloudtrail.ReadWriteType.NONE,
      excludeManagementEventSources: [cloudtrail.ManagementEventSources.KMS],
    }));
    expect(error.message).toBe('[Stack/Trail] [ExcludedSourcesNeedManagementEvents] excludeManagementEventSources ["kms.amazonaws.com"]: '
      + 'excludes sources from management events, but managementEvents is ReadWriteType.NONE. Fix: leave excludeManagementEventSources out');
  });

  test('a source excluded twice is rejected before CloudFormation schema validation sees it', () => {
    const kms = cloudtrail.ManagementEventSources.KMS;
    const selectors = new DataEventSelectors();
    expect(errorOf(() => selectors.applyToCfnTrail(cfnTrail(testStack()), { excludeManagementEventSources: [kms, kms] })).message).toBe(
      '[Stack/Trail] [SelectorValuesUnique] managementEvents.fieldSelectors[1].notEquals ["kms.amazonaws.com","kms.amazonaws.com"]: lists "kms.amazonaws.com" more than once '
      + '(CloudFormation AdvancedFieldSelector schema: unique items). Fix: list each value once');
  });

  test('a list token in resourceArns with buckets, which cannot be merged at synth, is rejected', () => {
    const stack = testStack();
    const selectors = new DataEventSelectors().addS3Objects({
      buckets: [s3.Bucket.fromBucketName(stack, 'Logs', 'logs')],
      resourceArns: { startsWith: Token.asList({ Ref: 'Prefixes' }) },
    });
    expect(errorOf(() => selectors.applyToCfnTrail(cfnTrail(stack))).message).toMatch(
      /^\[Stack\/Trail\] \[SelectorListToken\] dataEvents\.addS3Objects\(#1\)\.resourceArns\.startsWith .*: holds a list token \(such as a CfnParameter's valueAsList\) and 1 more value; /);
  });
});

describe('what the builder records for the checks', () => {
  const NO_ARNS = { equalTo: 0, notEquals: 0, startsWith: 0, notStartsWith: 0, endsWith: 0, notEndsWith: 0 };
  const FUNCTION_ARN = 'arn:aws:lambda:us-east-1:111111111111:function:settle';

  test('each call\'s origin: its number among calls of its method, the ARNs it generated and the user\'s own', () => {
    const stack = testStack();
    const selectors = DataEventSelectors.fromAdvancedEventSelectors([{ fieldSelectors: [{ field: 'eventCategory', equalTo: ['Data'] }] }])
      .addS3Objects({ buckets: [s3.Bucket.fromBucketName(stack, 'B', 'payments')], resourceArns: { startsWith: ['a', 'b'], notEndsWith: ['c'] } })
      .addLambdaFunctions({ name: 'Settle', functions: [lambda.Function.fromFunctionArn(stack, 'F', FUNCTION_ARN)] })
      .addDynamoDbTables({ tables: [dynamodb.Table.fromTableArn(stack, 'T', 'arn:aws:dynamodb:us-east-1:111111111111:table/ledger')] })
      .addS3Objects()
      .addDataEvents(DataResourceType.SNS_TOPIC);
    expect(selectors._origins()).toEqual([
      undefined,
      { call: 'addS3Objects(#1)', method: 'addS3Objects', generatedArns: { startsWith: { option: 'buckets', count: 1 } }, userArns: { ...NO_ARNS, startsWith: 2, notEndsWith: 1 } },
      { call: 'addLambdaFunctions(#1 "Settle")', method: 'addLambdaFunctions', generatedArns: { equalTo: { option: 'functions', count: 1 } }, userArns: NO_ARNS },
      { call: 'addDynamoDbTables(#1)', method: 'addDynamoDbTables', generatedArns: { equalTo: { option: 'tables', count: 1 } }, userArns: NO_ARNS },
      { call: 'addS3Objects(#2)', method: 'addS3Objects', generatedArns: {}, userArns: NO_ARNS },
      { call: 'addDataEvents(#1 AWS::SNS::Topic)', method: 'addDataEvents', generatedArns: {}, userArns: NO_ARNS },
    ]);
    expect(selectors.valueCount).toBe(1 + 5 * 2 + 4 + 1 + 1);
  });

  test('empty resource lists generate no ARNs', () => {
    const selectors = new DataEventSelectors().addS3Objects({ buckets: [] }).addLambdaFunctions({ functions: [] }).addDynamoDbTables({ tables: [] });
    expect(selectors._origins().map(origin => origin?.generatedArns)).toEqual([{}, {}, {}]);
    expect(selectors.advancedEventSelectors.map(s => s.fieldSelectors.map(fs => fs.field))).toEqual([
      ['eventCategory', 'resources.type'], ['eventCategory', 'resources.type'], ['eventCategory', 'resources.type'],
    ]);
    expect(selectors._builderProblems().map(p => [p.id, p.property, formatProblem(p)])).toEqual([
      ['ResourceListNotEmpty', 'dataEvents.addS3Objects(#1).buckets', expect.stringContaining('would log every bucket, which is rarely what an empty list means. Fix: name at least one bucket, or leave the option out to log every bucket')],
      ['ResourceListNotEmpty', 'dataEvents.addLambdaFunctions(#1).functions', expect.stringContaining('would log every function, which is rarely what an empty list means. Fix: name at least one function, or leave the option out to log every function')],
      ['ResourceListNotEmpty', 'dataEvents.addDynamoDbTables(#1).tables', expect.stringContaining('would log every table, which is rarely what an empty list means. Fix: name at least one table, or leave the option out to log every table')],
    ]);
  });

  test('resourceArns conditions are kept as given, even empty ones, for the checks to see', () => {
    const fieldsOf = (selectors: DataEventSelectors) => selectors.advancedEventSelectors[0].fieldSelectors.slice(2);
    expect(fieldsOf(new DataEventSelectors().addLambdaFunctions({ resourceArns: {} }))).toEqual([{ field: 'resources.ARN' }]);
    expect(fieldsOf(new DataEventSelectors().addLambdaFunctions({ resourceArns: { equalTo: [] } }))).toEqual([{ field: 'resources.ARN', equalTo: [] }]);
    expect(fieldsOf(new DataEventSelectors().addLambdaFunctions({ resourceArns: { notEquals: ['x'] } }))).toEqual([{ field: 'resources.ARN', notEquals: ['x'] }]);
    expect(fieldsOf(new DataEventSelectors().addLambdaFunctions())).toEqual([]);
  });

  test('an object prefix needs buckets', () => {
    const stack = testStack();
    const problems = (options: object) => new DataEventSelectors().addS3Objects(options)._builderProblems().map(p => p.id);
    expect(problems({ objectPrefix: 'logs/' })).toEqual(['ObjectPrefixNeedsBuckets']);
    expect(problems({ objectPrefix: 'logs/', buckets: [] })).toEqual(['ResourceListNotEmpty', 'ObjectPrefixNeedsBuckets']);
    expect(problems({ objectPrefix: 'logs/', buckets: [s3.Bucket.fromBucketName(stack, 'B', 'payments')] })).toEqual([]);
    expect(problems({ buckets: [s3.Bucket.fromBucketName(stack, 'C', 'payments')] })).toEqual([]);
  });

  test('ReadWriteType.NONE is a problem, the other types are not', () => {
    const problems = (readWriteType: cloudtrail.ReadWriteType) => new DataEventSelectors()
      .addDataEvents(DataResourceType.SNS_TOPIC, { readWriteType })
      ._builderProblems().map(formatProblem);
    expect(problems(cloudtrail.ReadWriteType.NONE)).toEqual(['[ReadWriteTypeNotNone] dataEvents.addDataEvents(#1 AWS::SNS::Topic).readWriteType "None": '
      + 'ReadWriteType.NONE selects no event, so the selector would log nothing. Fix: leave the selector out, or use READ_ONLY, WRITE_ONLY or ALL']);
    expect(problems(cloudtrail.ReadWriteType.ALL)).toEqual([]);
  });

  test('only a type the catalogue does not know is declared', () => {
    const newType = DataResourceType.of('AWS::Example::Thing');
    expect(new DataEventSelectors().addDataEvents(DataResourceType.SNS_TOPIC).addDataEvents(newType)._declaredTypes()).toEqual([newType]);
    expect(DataEventSelectors.fromAdvancedEventSelectors([], [newType])._declaredTypes()).toEqual([newType]);
    expect(DataEventSelectors.fromAdvancedEventSelectors([])._declaredTypes()).toEqual([]);
  });

  test('the accessors return copies', () => {
    const selectors = new DataEventSelectors().addLambdaFunctions({ functions: [] });
    selectors._selectors().pop();
    selectors._origins().pop();
    selectors._builderProblems().pop();
    selectors._declaredTypes().push(DataResourceType.SNS_TOPIC);
    expect([selectors._selectors().length, selectors._origins().length, selectors._builderProblems().length, selectors._declaredTypes().length])
      .toEqual([1, 1, 1, 0]);
  });

  test('without resource lists, every resource of the type', () => {
    const selectors = new DataEventSelectors().addS3Objects().addLambdaFunctions().addDynamoDbTables();
    expect(selectors.advancedEventSelectors.map(s => s.fieldSelectors)).toEqual(['AWS::S3::Object', 'AWS::Lambda::Function', 'AWS::DynamoDB::Table']
      .map(type => [{ field: 'eventCategory', equalTo: ['Data'] }, { field: 'resources.type', equalTo: [type] }]));
    expect(selectors._origins().map(origin => origin?.generatedArns)).toEqual([{}, {}, {}]);
  });

  test('network activity: error codes and VPC endpoints each become one Equals condition', () => {
    const selectors = new DataEventSelectors().addNetworkActivity({
      eventSources: [NetworkActivityEventSource.S3], errorCodes: [NetworkActivityErrorCode.VPCE_ACCESS_DENIED], vpcEndpointIds: ['vpce-0123abcd', 'vpce-4567abcd'],
    });
    expect(selectors.advancedEventSelectors[0].fieldSelectors).toEqual([
      { field: 'eventCategory', equalTo: ['NetworkActivity'] },
      { field: 'eventSource', equalTo: ['s3.amazonaws.com'] },
      { field: 'errorCode', equalTo: ['VpceAccessDenied'] },
      { field: 'vpcEndpointId', equalTo: ['vpce-0123abcd', 'vpce-4567abcd'] },
    ]);
  });

  test('network activity: empty error code and endpoint lists add no field selector', () => {
    const selectors = new DataEventSelectors()
      .addNetworkActivity({ eventSources: [NetworkActivityEventSource.S3], errorCodes: [], vpcEndpointIds: [] });
    expect(selectors.advancedEventSelectors[0].fieldSelectors.map(fs => fs.field)).toEqual(['eventCategory', 'eventSource']);
    expect(selectors._builderProblems().map(p => p.property)).toEqual(['dataEvents.addNetworkActivity(#1).vpcEndpointIds', 'dataEvents.addNetworkActivity(#1).errorCodes']);
  });
});
