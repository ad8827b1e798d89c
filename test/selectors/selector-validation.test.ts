import { Lazy, Token } from 'aws-cdk-lib';
import { formatProblem, showValue } from '../../src/core/problems';
import { DataResourceType } from '../../src/selectors/data-resource-type';
import { SelectorTarget } from '../../src/selectors/field-rules';
import { AdvancedEventSelector, AdvancedFieldSelector } from '../../src/selectors/field-selector';
import { LISTED_RESOURCE_TYPES } from '../../src/selectors/listed-resource-types';
import { advancedSelectorProblems, advancedSelectorWarnings, uncheckedResourceTypes } from '../../src/selectors/selector-validation';

/** Every problem with a list of selectors, formatted; the selectors sit at `dataEvents[i]`. */
function messages(selectors: AdvancedEventSelector[], target: SelectorTarget, declaredTypes: DataResourceType[] = []): string[] {
  const placed = selectors.map((entry, i) => ({ selector: entry, property: `dataEvents[${i}]` }));
  return advancedSelectorProblems(placed, { target, declaredTypes }).map(formatProblem);
}

const TARGETS: SelectorTarget[] = ['trail', 'eventDataStore'];
const LABEL: Record<SelectorTarget, string> = { trail: 'a trail', eventDataStore: 'an event data store', telemetryRule: 'a CloudWatch telemetry rule' };
const FIELD = 'AdvancedFieldSelector Field';
const KNOWN_FIELDS = 'eventCategory, readOnly, eventSource, eventName, eventType, errorCode, sessionCredentialFromConsole, '
  + 'resources.type, resources.ARN, userIdentity.arn, vpcEndpointId';

function selector(...fieldSelectors: AdvancedFieldSelector[]): AdvancedEventSelector {
  return { fieldSelectors };
}
function category(value: string): AdvancedFieldSelector {
  return { field: 'eventCategory', equalTo: [value] };
}
function management(...more: AdvancedFieldSelector[]): AdvancedEventSelector {
  return selector(category('Management'), ...more);
}
function data(type: string, ...more: AdvancedFieldSelector[]): AdvancedEventSelector {
  return selector(category('Data'), { field: 'resources.type', equalTo: [type] }, ...more);
}
function network(...more: AdvancedFieldSelector[]): AdvancedEventSelector {
  return selector(category('NetworkActivity'), ...more);
}
function s3Source(): AdvancedFieldSelector {
  return { field: 'eventSource', equalTo: ['s3.amazonaws.com'] };
}
function arns(key: string, ...values: string[]): AdvancedFieldSelector {
  return { field: 'resources.ARN', [key]: values };
}
function names(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `Event${i}`);
}

interface Case {
  readonly title: string;
  readonly target: SelectorTarget;
  readonly selectors: AdvancedEventSelector[];
  readonly expected: string[];
}

/** The same selectors on both targets; the expected messages may depend on the target. */
function onBoth(title: string, selectors: AdvancedEventSelector[], expected: (target: SelectorTarget) => string[]): Case[] {
  return TARGETS.map(target => ({ title, target, selectors, expected: expected(target) }));
}
function valid(title: string, targets: SelectorTarget[], selectors: AdvancedEventSelector[]): Case[] {
  return targets.map(target => ({ title, target, selectors, expected: [] }));
}
function invalid(title: string, target: SelectorTarget, selectors: AdvancedEventSelector[], expected: string[]): Case[] {
  return [{ title, target, selectors, expected }];
}

function check(cases: Case[][]): void {
  test.each(cases.flat())('$title ($target)', ({ target, selectors, expected }) => {
    expect(messages(selectors, target)).toEqual(expected);
  });
}

describe('eventCategory', () => {
  check([
    valid('Management, Data and NetworkActivity', TARGETS,
      [management(), data('AWS::S3::Object'), network(s3Source())]),
    ...['Insight', 'ConfigurationItem', 'Evidence', 'ActivityAuditLog'].flatMap(value => [
      valid(`${value} on its own`, ['eventDataStore'], [selector(category(value))]),
      invalid(`${value} is only for event data stores`, 'trail', [selector(category(value))], [
        `[EventCategoryValue] dataEvents[0].fieldSelectors[0].equalTo "${value}": eventCategory ${value} is only for event data stores, not trails (${FIELD}, eventCategory). Fix: log these events to a LakeEventDataStore`,
      ]),
    ]),
    invalid('missing', 'trail', [selector({ field: 'readOnly', equalTo: ['true'] })], [
      `[EventCategoryFieldSelector] dataEvents[0].fieldSelectors: every selector needs an eventCategory field selector (${FIELD}, eventCategory). Fix: add { field: 'eventCategory', equalTo: ['Management' | 'Data' | 'NetworkActivity'] }`,
    ]),
    invalid('missing', 'eventDataStore', [selector({ field: 'readOnly', equalTo: ['true'] })], [
      `[EventCategoryFieldSelector] dataEvents[0].fieldSelectors: every selector needs an eventCategory field selector (${FIELD}, eventCategory). Fix: add { field: 'eventCategory', equalTo: ['Management' | 'Data' | 'NetworkActivity' | 'Insight' | 'ConfigurationItem' | 'Evidence' | 'ActivityAuditLog'] }`,
    ]),
    onBoth('duplicated', [selector(category('Management'), { field: 'readOnly', equalTo: ['true'] }, category('Data'))], () => [
      `[EventCategoryFieldSelector] dataEvents[0].fieldSelectors[2]: a selector has one eventCategory field selector, this one has 2 (${FIELD}, eventCategory). Fix: split the selector in one selector per category`,
    ]),
    onBoth('with NotEquals', [selector({ field: 'eventCategory', notEquals: ['Data'] })], () => [
      `[EventCategoryOperator] dataEvents[0].fieldSelectors[0].notEquals ["Data"]: eventCategory takes only the Equals operator (${FIELD}, eventCategory). Fix: use equalTo`,
    ]),
    onBoth('with StartsWith beside Equals', [selector({ field: 'eventCategory', equalTo: ['Management'], startsWith: ['Management'] })], () => [
      `[EventCategoryOperator] dataEvents[0].fieldSelectors[0].startsWith ["Management"]: eventCategory takes only the Equals operator (${FIELD}, eventCategory). Fix: use equalTo`,
    ]),
    onBoth('with no value, reported once, as an operator without values', [selector({ field: 'eventCategory', equalTo: [] })], () => [
      '[SelectorValuesRequired] dataEvents[0].fieldSelectors[0].equalTo []: an operator of "eventCategory" needs at least one value (API model Operator, min 1). '
      + 'Fix: add a value or leave the operator out',
    ]),
    onBoth('with two values', [selector({ field: 'eventCategory', equalTo: ['Management', 'Data'] })], () => [
      `[EventCategorySingleValue] dataEvents[0].fieldSelectors[0].equalTo ["Management","Data"]: eventCategory takes exactly one value (${FIELD}, eventCategory). Fix: use one selector per event category`,
    ]),
    invalid('misspelt', 'trail', [selector(category('management'))], [
      `[EventCategoryValue] dataEvents[0].fieldSelectors[0].equalTo "management": eventCategory on a trail must be 'Management', 'Data' or 'NetworkActivity' (${FIELD}, eventCategory). Fix: did you mean 'Management'?`,
    ]),
    invalid('misspelt', 'eventDataStore', [selector(category('Insights'))], [
      `[EventCategoryValue] dataEvents[0].fieldSelectors[0].equalTo "Insights": eventCategory on an event data store must be 'Management', 'Data', 'NetworkActivity', 'Insight' or 'ConfigurationItem' and 2 more (${FIELD}, eventCategory). Fix: did you mean 'Insight'?`,
    ]),
    invalid('unknown, nothing close', 'trail', [selector(category('Kubernetes'))], [
      `[EventCategoryValue] dataEvents[0].fieldSelectors[0].equalTo "Kubernetes": eventCategory on a trail must be 'Management', 'Data' or 'NetworkActivity' (${FIELD}, eventCategory). Fix: did you mean 'Management'?`,
    ]),
  ]);
});

describe('readOnly', () => {
  check([
    valid('true and false on Management and Data', TARGETS, [
      management({ field: 'readOnly', equalTo: ['true'] }),
      data('AWS::S3::Object', { field: 'readOnly', equalTo: ['false'] }),
    ]),
    onBoth('with NotEquals', [management({ field: 'readOnly', notEquals: ['true'] })], target => [
      `[SelectorFieldOperator] dataEvents[0].fieldSelectors[1].notEquals ["true"]: readOnly in Management selectors on ${LABEL[target]} takes only Equals, not NotEquals (${FIELD}). Fix: use equalTo`,
    ]),
    onBoth('with StartsWith', [data('AWS::Lambda::Function', { field: 'readOnly', startsWith: ['t'] })], target => [
      `[SelectorFieldOperator] dataEvents[0].fieldSelectors[2].startsWith ["t"]: readOnly in Data selectors on ${LABEL[target]} takes only Equals, not StartsWith (${FIELD}). Fix: use equalTo`,
    ]),
    onBoth('with a value other than true or false', [data('AWS::S3::Object', { field: 'readOnly', equalTo: ['false', 'yes'] })], target => [
      `[SelectorFieldValue] dataEvents[0].fieldSelectors[2].equalTo[1] "yes": readOnly in Data selectors on ${LABEL[target]} takes only 'true' or 'false' (${FIELD}). Fix: use 'true' or 'false'`,
    ]),
    onBoth('on NetworkActivity', [network(s3Source(), { field: 'readOnly', equalTo: ['true'] })], target => [
      `[SelectorFieldAllowed] dataEvents[0].fieldSelectors[2].field "readOnly": readOnly is not allowed in NetworkActivity selectors on ${LABEL[target]}; it is allowed in Management/Data selectors on trails and event data stores (${FIELD}). Fix: remove this field selector`,
    ]),
  ]);
});

describe('eventSource', () => {
  const trailManagement = `${FIELD}, eventSource for management events on trails`;
  const networkSource = `${FIELD}, eventSource for network activity events`;
  check([
    valid('NotEquals kms and rdsdata on trail Management', TARGETS, [
      management({ field: 'eventSource', notEquals: ['kms.amazonaws.com', 'rdsdata.amazonaws.com'] }),
    ]),
    valid('any operator and source on store Management', ['eventDataStore'], [
      management({ field: 'eventSource', equalTo: ['s3.amazonaws.com'], notStartsWith: ['iam.'] }),
    ]),
    valid('any operator and source on Data', TARGETS, [
      data('AWS::S3::Object', { field: 'eventSource', equalTo: ['s3.amazonaws.com'], notEndsWith: ['.cn'] }),
    ]),
    valid('NetworkActivity with one Equals source', TARGETS, [network(s3Source())]),
    invalid('Equals on trail Management', 'trail', [management({ field: 'eventSource', equalTo: ['kms.amazonaws.com'] })], [
      `[SelectorFieldOperator] dataEvents[0].fieldSelectors[1].equalTo ["kms.amazonaws.com"]: eventSource in Management selectors on a trail takes only NotEquals, not Equals (${trailManagement}). Fix: use notEquals`,
    ]),
    invalid('another source on trail Management', 'trail', [management({ field: 'eventSource', notEquals: ['kms.amazonaws.com', 's3.amazonaws.com'] })], [
      `[SelectorFieldValue] dataEvents[0].fieldSelectors[1].notEquals[1] "s3.amazonaws.com": eventSource in Management selectors on a trail takes only 'kms.amazonaws.com' or 'rdsdata.amazonaws.com' (${trailManagement}). Fix: use 'kms.amazonaws.com' or 'rdsdata.amazonaws.com'`,
    ]),
    onBoth('missing on NetworkActivity', [network({ field: 'vpcEndpointId', equalTo: ['vpce-0123456789abcdef0'] })], () => [
      `[RequiredFieldSelector] dataEvents[0].fieldSelectors: NetworkActivity selectors need a eventSource field selector (${FIELD}, eventSource). Fix: add { field: 'eventSource', equalTo: [...] }`,
    ]),
    onBoth('NotEquals on NetworkActivity', [network({ field: 'eventSource', notEquals: ['s3.amazonaws.com'] })], target => [
      `[SelectorFieldOperator] dataEvents[0].fieldSelectors[1].notEquals ["s3.amazonaws.com"]: eventSource in NetworkActivity selectors on ${LABEL[target]} takes only Equals, not NotEquals (${networkSource}). Fix: use equalTo`,
    ]),
    onBoth('two values on NetworkActivity', [network({ field: 'eventSource', equalTo: ['s3.amazonaws.com', 'kms.amazonaws.com'] })], () => [
      `[SelectorFieldSingleValue] dataEvents[0].fieldSelectors[1].equalTo ["s3.amazonaws.com","kms.amazonaws.com"]: eventSource in NetworkActivity selectors takes exactly one value (${networkSource}). Fix: add one selector per eventSource value`,
    ]),
    onBoth('two field selectors on NetworkActivity', [network(s3Source(), { field: 'eventSource', equalTo: ['kms.amazonaws.com'] })], () => [
      `[RequiredFieldSelector] dataEvents[0].fieldSelectors: a selector has only one eventSource field selector, this one has 2 (${FIELD}, eventSource). Fix: add one selector per eventSource`,
    ]),
  ]);
});

describe('fields that depend on category and target', () => {
  check([
    valid('eventName, eventType, sessionCredentialFromConsole and userIdentity.arn on store Management', ['eventDataStore'], [
      management(
        { field: 'eventName', equalTo: ['CreateUser'] },
        { field: 'eventType', equalTo: ['AwsApiCall'] },
        { field: 'sessionCredentialFromConsole', notEquals: ['true'] },
        { field: 'userIdentity.arn', startsWith: ['arn:aws:iam::111122223333:role/'] },
      ),
    ]),
    valid('eventName, eventType, sessionCredentialFromConsole and userIdentity.arn on Data', TARGETS, [
      data('AWS::S3::Object',
        { field: 'eventName', notStartsWith: ['Get'] },
        { field: 'eventType', equalTo: ['AwsApiCall'] },
        { field: 'sessionCredentialFromConsole', equalTo: ['true'] },
        { field: 'userIdentity.arn', endsWith: ['/admin'] }),
    ]),
    valid('eventName, errorCode and vpcEndpointId on NetworkActivity', TARGETS, [
      network(s3Source(),
        { field: 'eventName', equalTo: ['PutObject'] },
        { field: 'errorCode', equalTo: ['VpceAccessDenied'] },
        { field: 'vpcEndpointId', notStartsWith: ['vpce-0a'] }),
    ]),
    invalid('eventName on trail Management', 'trail', [management({ field: 'eventName', equalTo: ['CreateUser'] })], [
      `[SelectorFieldAllowed] dataEvents[0].fieldSelectors[1].field "eventName": eventName is not allowed in Management selectors on a trail; it is allowed in Data/NetworkActivity selectors on trails and event data stores, Management selectors on event data stores (${FIELD}). Fix: remove this field selector`,
    ]),
    invalid('eventType on trail Management', 'trail', [management({ field: 'eventType', equalTo: ['AwsApiCall'] })], [
      `[SelectorFieldAllowed] dataEvents[0].fieldSelectors[1].field "eventType": eventType is not allowed in Management selectors on a trail; it is allowed in Data selectors on trails and event data stores, Management selectors on event data stores (${FIELD}). Fix: remove this field selector`,
    ]),
    invalid('sessionCredentialFromConsole on trail Management', 'trail', [management({ field: 'sessionCredentialFromConsole', equalTo: ['true'] })], [
      `[SelectorFieldAllowed] dataEvents[0].fieldSelectors[1].field "sessionCredentialFromConsole": sessionCredentialFromConsole is not allowed in Management selectors on a trail; it is allowed in Data selectors on trails and event data stores, Management selectors on event data stores (${FIELD}). Fix: remove this field selector`,
    ]),
    invalid('userIdentity.arn on trail Management', 'trail', [management({ field: 'userIdentity.arn', equalTo: ['arn:aws:iam::111122223333:user/a'] })], [
      `[SelectorFieldAllowed] dataEvents[0].fieldSelectors[1].field "userIdentity.arn": userIdentity.arn is not allowed in Management selectors on a trail; it is allowed in Data selectors on trails and event data stores, Management selectors on event data stores (${FIELD}). Fix: remove this field selector`,
    ]),
    invalid('sessionCredentialFromConsole with StartsWith', 'eventDataStore', [management({ field: 'sessionCredentialFromConsole', startsWith: ['t'] })], [
      `[SelectorFieldOperator] dataEvents[0].fieldSelectors[1].startsWith ["t"]: sessionCredentialFromConsole in Management selectors on an event data store takes only Equals or NotEquals, not StartsWith (${FIELD}). Fix: use equalTo or notEquals`,
    ]),
    onBoth('sessionCredentialFromConsole with EndsWith on Data', [data('AWS::S3::Object', { field: 'sessionCredentialFromConsole', endsWith: ['e'] })], target => [
      `[SelectorFieldOperator] dataEvents[0].fieldSelectors[2].endsWith ["e"]: sessionCredentialFromConsole in Data selectors on ${LABEL[target]} takes only Equals or NotEquals, not EndsWith (${FIELD}). Fix: use equalTo or notEquals`,
    ]),
    onBoth('errorCode on Data', [data('AWS::S3::Object', { field: 'errorCode', equalTo: ['VpceAccessDenied'] })], target => [
      `[SelectorFieldAllowed] dataEvents[0].fieldSelectors[2].field "errorCode": errorCode is not allowed in Data selectors on ${LABEL[target]}; it is allowed in NetworkActivity selectors on trails and event data stores (${FIELD}). Fix: remove this field selector`,
    ]),
    onBoth('errorCode with NotEquals', [network(s3Source(), { field: 'errorCode', notEquals: ['VpceAccessDenied'] })], target => [
      `[SelectorFieldOperator] dataEvents[0].fieldSelectors[2].notEquals ["VpceAccessDenied"]: errorCode in NetworkActivity selectors on ${LABEL[target]} takes only Equals, not NotEquals (${FIELD}). Fix: use equalTo`,
    ]),
    // errorCode's set may grow ("currently, the only valid errorCode"): another value is a warning (below), not an error
    valid('errorCode with another value', TARGETS, [network(s3Source(), { field: 'errorCode', equalTo: ['AccessDenied'] })]),
    onBoth('sessionCredentialFromConsole false on Data', [data('AWS::S3::Object', { field: 'sessionCredentialFromConsole', equalTo: ['false'] })], target => [
      `[SelectorFieldValue] dataEvents[0].fieldSelectors[2].equalTo[0] "false": sessionCredentialFromConsole in Data selectors on ${LABEL[target]} takes only 'true' (${FIELD}). Fix: use 'true'`,
    ]),
    invalid('sessionCredentialFromConsole NotEquals TRUE on store Management', 'eventDataStore', [management({ field: 'sessionCredentialFromConsole', notEquals: ['TRUE'] })], [
      `[SelectorFieldValue] dataEvents[0].fieldSelectors[1].notEquals[0] "TRUE": sessionCredentialFromConsole in Management selectors on an event data store takes only 'true' (${FIELD}). Fix: use 'true'`,
    ]),
    onBoth('vpcEndpointId on Management', [management({ field: 'vpcEndpointId', equalTo: ['vpce-1'] })], target => [
      `[SelectorFieldAllowed] dataEvents[0].fieldSelectors[1].field "vpcEndpointId": vpcEndpointId is not allowed in Management selectors on ${LABEL[target]}; it is allowed in NetworkActivity selectors on trails and event data stores (${FIELD}). Fix: remove this field selector`,
    ]),
    onBoth('resources.type on Management', [management({ field: 'resources.type', equalTo: ['AWS::S3::Object'] })], target => [
      `[SelectorFieldAllowed] dataEvents[0].fieldSelectors[1].field "resources.type": resources.type is not allowed in Management selectors on ${LABEL[target]}; it is allowed in Data selectors on trails and event data stores (${FIELD}). Fix: remove this field selector`,
    ]),
  ]);
});

describe('store-only categories take only eventCategory', () => {
  check([
    invalid('readOnly on Insight', 'eventDataStore', [selector(category('Insight'), { field: 'readOnly', equalTo: ['true'] })], [
      `[SelectorFieldAllowed] dataEvents[0].fieldSelectors[1].field "readOnly": readOnly is not allowed in Insight selectors on an event data store; it is allowed in Management/Data selectors on trails and event data stores (${FIELD}). Fix: remove this field selector; Insight selectors take only eventCategory`,
    ]),
    invalid('eventSource on ConfigurationItem', 'eventDataStore', [selector(category('ConfigurationItem'), { field: 'eventSource', equalTo: ['config.amazonaws.com'] })], [
      `[SelectorFieldAllowed] dataEvents[0].fieldSelectors[1].field "eventSource": eventSource is not allowed in ConfigurationItem selectors on an event data store; it is allowed in Management selectors on trails, Management selectors on event data stores, Data selectors on trails and event data stores, NetworkActivity selectors on trails and event data stores (${FIELD}). Fix: remove this field selector; ConfigurationItem selectors take only eventCategory`,
    ]),
    invalid('resources.type on Evidence', 'eventDataStore', [selector(category('Evidence'), { field: 'resources.type', equalTo: ['AWS::S3::Object'] })], [
      `[SelectorFieldAllowed] dataEvents[0].fieldSelectors[1].field "resources.type": resources.type is not allowed in Evidence selectors on an event data store; it is allowed in Data selectors on trails and event data stores (${FIELD}). Fix: remove this field selector; Evidence selectors take only eventCategory`,
    ]),
    invalid('eventName on ActivityAuditLog', 'eventDataStore', [selector(category('ActivityAuditLog'), { field: 'eventName', equalTo: ['Login'] })], [
      `[SelectorFieldAllowed] dataEvents[0].fieldSelectors[1].field "eventName": eventName is not allowed in ActivityAuditLog selectors on an event data store; it is allowed in Data/NetworkActivity selectors on trails and event data stores, Management selectors on event data stores (${FIELD}). Fix: remove this field selector; ActivityAuditLog selectors take only eventCategory`,
    ]),
  ]);
});

describe('resources.type', () => {
  const source = `${FIELD}, resources.type`;
  check([
    valid('a catalogued type', TARGETS, [data('AWS::DynamoDB::Stream')]),
    valid('a listed type without an ARN format', TARGETS, [data('AWS::AppSync::GraphQLApi')]),
    valid('a listed type with a StartsWith ARN', TARGETS, [data('AWS::AppSync::GraphQLApi', arns('startsWith', 'arn:aws:appsync:us-east-1:111122223333:apis/'))]),
    onBoth('missing on Data', [selector(category('Data'), { field: 'readOnly', equalTo: ['true'] })], () => [
      `[RequiredFieldSelector] dataEvents[0].fieldSelectors: Data selectors need a resources.type field selector (${source}). Fix: add { field: 'resources.type', equalTo: [...] }`,
    ]),
    onBoth('with NotEquals', [selector(category('Data'), { field: 'resources.type', notEquals: ['AWS::S3::Object'] })], target => [
      `[SelectorFieldOperator] dataEvents[0].fieldSelectors[1].notEquals ["AWS::S3::Object"]: resources.type in Data selectors on ${LABEL[target]} takes only Equals, not NotEquals (${source}). Fix: use equalTo`,
    ]),
    onBoth('with two values', [selector(category('Data'), { field: 'resources.type', equalTo: ['AWS::S3::Object', 'AWS::Lambda::Function'] })], () => [
      `[SelectorFieldSingleValue] dataEvents[0].fieldSelectors[1].equalTo ["AWS::S3::Object","AWS::Lambda::Function"]: resources.type in Data selectors takes exactly one value (${source}). Fix: add one selector per resources.type value`,
    ]),
    onBoth('twice in one selector', [data('AWS::S3::Object', { field: 'resources.type', equalTo: ['AWS::Lambda::Function'] })], () => [
      `[RequiredFieldSelector] dataEvents[0].fieldSelectors: a selector has only one resources.type field selector, this one has 2 (${source}). Fix: add one selector per resources.type`,
    ]),
    onBoth('misspelt', [data('AWS::S3::Objects')], () => [
      `[ResourceTypeKnown] dataEvents[0].fieldSelectors[1].equalTo[0] "AWS::S3::Objects": resources.type is not a data resource type this library knows (${source}). Fix: did you mean 'AWS::S3::Object'?`,
    ]),
    onBoth('unknown and not declared', [data('AWS::Example::Widget')], () => [
      `[ResourceTypeKnown] dataEvents[0].fieldSelectors[1].equalTo[0] "AWS::Example::Widget": resources.type is not a data resource type this library knows (${source}). Fix: use a DataResourceType constant; for a type newer than this library, declare it with DataResourceType.of('AWS::Example::Widget')`,
    ]),
    onBoth('unknown, not declared, close to a known type', [data('AWS::New::Thing')], () => [
      `[ResourceTypeKnown] dataEvents[0].fieldSelectors[1].equalTo[0] "AWS::New::Thing": resources.type is not a data resource type this library knows (${source}). Fix: did you mean 'AWS::IoT::Thing'?`,
    ]),
  ]);

  test('AWS::AppSync::GraphQLApi is a listed type', () => {
    expect(LISTED_RESOURCE_TYPES).toContain('AWS::AppSync::GraphQLApi');
  });

  test.each(TARGETS)('a list token as resources.type is left to CloudFormation, not reported as an unknown type (%s)', target => {
    const tokenType = selector(category('Data'), { field: 'resources.type', equalTo: Token.asList({ Ref: 'Types' }) });
    expect(messages([tokenType], target)).toEqual([]);
    expect(uncheckedResourceTypes([tokenType])).toEqual([]);
  });

  test.each(TARGETS)('a list token that is not an array, as a template\'s Ref read back, is left to CloudFormation (%s)', target => {
    const readBack = Token.asString({ Ref: 'Functions' }) as unknown as string[];
    expect(messages([data('AWS::Lambda::Function', { field: 'resources.ARN', equalTo: readBack })], target)).toEqual([]);
  });

  test.each(TARGETS)('an unknown type declared with DataResourceType.of is accepted, its ARNs unchecked (%s)', target => {
    const selectors = [data('AWS::New::Thing', arns('equalTo', 'anything at all'))];
    expect(messages(selectors, target, [DataResourceType.of('AWS::New::Thing')])).toEqual([]);
    expect(messages(selectors, target, [DataResourceType.of('AWS::Other::Thing')])).toHaveLength(1);
  });
});

describe('resources.ARN', () => {
  const goodArns: Array<[string, string]> = [
    ['AWS::S3::Object', 'arn:aws:s3:::bucket/'],
    ['AWS::S3::Object', 'arn:aws:s3:::bucket/key.txt'],
    ['AWS::S3::Object', 'arn:aws:s3:::bucket/reports/2024/q1.csv'],
    ['AWS::S3::Object', 'arn:aws-cn:s3:::bucket/key'],
    ['AWS::Lambda::Function', 'arn:aws:lambda:us-east-1:111122223333:function:settle'],
    ['AWS::Lambda::Function', 'arn:aws-cn:lambda:cn-north-1:111122223333:function:settle'],
    ['AWS::DynamoDB::Table', 'arn:aws:dynamodb:eu-west-2:111122223333:table/Orders'],
    ['AWS::DynamoDB::Table', 'arn:aws-us-gov:dynamodb:us-gov-west-1:111122223333:table/Orders'],
    ['AWS::EC2::Snapshot', 'arn:aws:ec2:us-east-1::snapshot/snap-0123456789abcdef0'],
    ['AWS::S3::AccessPoint', 'arn:aws:s3:us-east-1:111122223333:accesspoint/reports'],
    ['AWS::S3::AccessPoint', 'arn:aws:s3:us-east-1:111122223333:accesspoint/reports/object/2024/q1.csv'],
    ['AWS::SNS::Topic', 'arn:aws:sns:us-east-1:111122223333:alerts'],
  ];
  const badArns: Array<[string, string, string]> = [
    ['AWS::S3::Object', 'arn:aws:s3:::bucket', 'arn:<partition>:s3:::<bucket_name>/<object_path>'],
    ['AWS::S3::Object', 'arn:aws:s3:us-east-1::bucket/key', 'arn:<partition>:s3:::<bucket_name>/<object_path>'],
    ['AWS::Lambda::Function', 'arn:aws:lambda:us-east-1:111122223333:settle', 'arn:<partition>:lambda:<region>:<account_ID>:function:<function_name>'],
    ['AWS::Lambda::Function', 'arn:aws:lambda:us-east-1:1111:function:settle', 'arn:<partition>:lambda:<region>:<account_ID>:function:<function_name>'],
    ['AWS::Lambda::Function', 'arn:azure:lambda:us-east-1:111122223333:function:settle', 'arn:<partition>:lambda:<region>:<account_ID>:function:<function_name>'],
    ['AWS::DynamoDB::Table', 'arn:aws:dynamodb:useast1:111122223333:table/Orders', 'arn:<partition>:dynamodb:<region>:<account_ID>:table/<table_name>'],
    ['AWS::DynamoDB::Table', 'arn:aws:dynamodb:us-east-1:111122223333:table/', 'arn:<partition>:dynamodb:<region>:<account_ID>:table/<table_name>'],
    ['AWS::EC2::Snapshot', 'arn:aws:ec2:us-east-1:111122223333:snapshot/snap-0123456789abcdef0', 'arn:<partition>:ec2:<region>::snapshot/<snapshot_ID>'],
    ['AWS::S3::AccessPoint', 'arn:aws:s3:us-east-1:111122223333:accesspoint', 'arn:<partition>:s3:<region>:<account_ID>:accesspoint/<access_point_name> or arn:<partition>:s3:<region>:<account_ID>:accesspoint/<access_point_name>/object/<object_path>'],
    ['AWS::SNS::Topic', 'arn:aws:sns:us-east-1:111122223333:', 'arn:<partition>:sns:<region>:<account_ID>:<topic_name>'],
  ];

  test.each(TARGETS.flatMap(target => goodArns.map(([type, arn]) => ({ target, type, arn }))))(
    '$type accepts $arn with Equals and NotEquals ($target)', ({ target, type, arn }) => {
      expect(messages([data(type, arns('equalTo', arn))], target)).toEqual([]);
      expect(messages([data(type, arns('notEquals', arn))], target)).toEqual([]);
    });

  test.each(TARGETS.flatMap(target => badArns.map(([type, arn, format]) => ({ target, type, arn, format }))))(
    '$type rejects $arn with Equals and NotEquals ($target)', ({ target, type, arn, format }) => {
      const fix = type === 'AWS::S3::Object'
        ? "use startsWith with the bucket ARN and a trailing '/' to log every object of a bucket"
        : 'use the full resource ARN, or startsWith for a prefix';
      const expected = (key: string, operator: string): string =>
        `[ResourceArnFormat] dataEvents[0].fieldSelectors[2].${key}[0] ${showValue(arn)}: with ${operator}, a ${type} ARN must have the form ${format} (${FIELD}, resources.ARN). Fix: ${fix}`;
      expect(messages([data(type, arns('equalTo', arn))], target)).toEqual([expected('equalTo', 'Equals')]);
      expect(messages([data(type, arns('notEquals', arn))], target)).toEqual([expected('notEquals', 'NotEquals')]);
    });

  check([
    valid('StartsWith and the other operators are not format-checked', TARGETS, [
      data('AWS::S3::Object', { field: 'resources.ARN', startsWith: ['arn:aws:s3:::bucket'], notStartsWith: ['arn:aws:s3'], endsWith: ['.tmp'], notEndsWith: ['x'] }),
      data('AWS::Lambda::Function', arns('startsWith', 'arn:aws:lambda')),
    ]),
    valid('tokens are not format-checked', TARGETS, [
      data('AWS::S3::Object', arns('equalTo', Lazy.string({ produce: () => 'arn:aws:s3:::bucket' }), `${Token.asString({ Ref: 'Bucket' })}/key`)),
      data('AWS::Lambda::Function', { field: 'resources.ARN', notEquals: Token.asList({ Ref: 'Functions' }) }),
      data(Lazy.string({ produce: () => 'AWS::S3::Object' }), arns('equalTo', 'not an ARN')),
    ]),
    invalid('only the bad values of a list are reported', 'trail', [
      data('AWS::S3::Object', arns('equalTo', 'arn:aws:s3:::good/', 'arn:aws:s3:::bad', 'arn:aws:s3:::good/key')),
    ], [
      `[ResourceArnFormat] dataEvents[0].fieldSelectors[2].equalTo[1] "arn:aws:s3:::bad": with Equals, a AWS::S3::Object ARN must have the form arn:<partition>:s3:::<bucket_name>/<object_path> (${FIELD}, resources.ARN). Fix: use startsWith with the bucket ARN and a trailing '/' to log every object of a bucket`,
    ]),
  ]);
});

describe('field selector shape', () => {
  const long = (length: number): string => 'x'.repeat(length);
  test.each(TARGETS)('a list token with more values in one condition, which cannot be rendered (%s)', target => {
    const eventNames = [...Token.asList({ Ref: 'EventNames' }), 'PutObject'];
    expect(messages([data('AWS::S3::Object', { field: 'eventName', equalTo: eventNames })], target)).toEqual([expect.stringMatching(new RegExp(
      '^\\[SelectorListToken\\] dataEvents\\[0\\]\\.fieldSelectors\\[2\\]\\.equalTo \\["#\\{Token\\[TOKEN\\.\\d+\\]\\}","PutObject"\\]: holds a list token '
      + "\\(such as a CfnParameter's valueAsList\\) and 1 more value; a list token stands for a whole list, which only CloudFormation knows, "
      + 'so nothing can be added to it\\. Fix: pass literal values, or the list token alone in a condition that nothing else adds to$'))]);
  });

  test.each(TARGETS)('a list token with an ARN in one resources.ARN condition is that problem alone, not also an ARN of the wrong form (%s)', target => {
    const arnList = [...Token.asList({ Ref: 'Functions' }), 'arn:aws:lambda:us-east-1:111111111111:function:f'];
    expect(messages([data('AWS::Lambda::Function', { field: 'resources.ARN', equalTo: arnList })], target))
      .toEqual([expect.stringMatching(/^\[SelectorListToken\] dataEvents\[0\]\.fieldSelectors\[2\]\.equalTo /)]);
  });

  check([
    onBoth('a value listed twice', [data('AWS::S3::Object', { field: 'eventName', equalTo: ['PutObject', 'GetObject', 'PutObject'] })], () => [
      '[SelectorValuesUnique] dataEvents[0].fieldSelectors[2].equalTo ["PutObject","GetObject","PutObject"]: lists "PutObject" more than once '
        + '(CloudFormation AdvancedFieldSelector schema: unique items). Fix: list each value once',
    ]),
    onBoth('a value of line breaks only', [data('AWS::S3::Object', { field: 'eventName', equalTo: ['\n'] })], () => [
      '[SelectorValuePattern] dataEvents[0].fieldSelectors[2].equalTo[0] "\\n": holds only line breaks; a value needs another character (API model OperatorValue pattern .+). '
        + 'Fix: remove the value, or write what it should match',
    ]),
    onBoth('a value with half a character', [data('AWS::S3::Object', { field: 'eventName', equalTo: ['Put\ud83d'] })], () => [
      '[UnicodeText] dataEvents[0].fieldSelectors[2].equalTo[0] "Put\\ud83d": contains the lone surrogate \\ud83d at index 3, half of a character, which is not Unicode text '
        + '(template JSON). Fix: remove it, or complete the character it belongs to',
    ]),
    onBoth('a misspelt field', [data('AWS::S3::Object', { field: 'eventname', equalTo: ['PutObject'] })], () => [
      `[SelectorFieldKnown] dataEvents[0].fieldSelectors[2].field "eventname": is not a field advanced event selectors know (${FIELD}). Fix: did you mean 'eventName'?`,
    ]),
    onBoth('a field with invalid characters', [data('AWS::S3::Object', { field: 'event-Name', equalTo: ['PutObject'] })], () => [
      `[SelectorFieldKnown] dataEvents[0].fieldSelectors[2].field "event-Name": is not a field advanced event selectors know and may only hold letters, digits, '_' and '.' (${FIELD}). Fix: did you mean 'eventName'?`,
    ]),
    onBoth('an unknown field nothing is close to', [management({ field: 'awsRegion', equalTo: ['us-east-1'] })], () => [
      `[SelectorFieldKnown] dataEvents[0].fieldSelectors[1].field "awsRegion": is not a field advanced event selectors know (${FIELD}). Fix: use one of ${KNOWN_FIELDS}`,
    ]),
    onBoth('an empty field name', [management({ field: '', equalTo: ['x'] })], () => [
      '[SelectorFieldLength] dataEvents[0].fieldSelectors[1].field "": must be 1 to 1000 characters long, got 0 (API model SelectorField). Fix: use at least 1 character',
    ]),
    onBoth('a field selector without an operator', [data('AWS::S3::Object', { field: 'eventName' })], () => [
      '[SelectorOperatorRequired] dataEvents[0].fieldSelectors[2]: field selector on "eventName" has no operator; it needs at least one of equalTo, notEquals, startsWith, notStartsWith, endsWith, notEndsWith (API model AdvancedFieldSelector). Fix: add a condition, or remove the field selector',
    ]),
    onBoth('an empty operator list', [data('AWS::S3::Object', { field: 'eventName', equalTo: [] })], () => [
      '[SelectorValuesRequired] dataEvents[0].fieldSelectors[2].equalTo []: an operator of "eventName" needs at least one value (API model Operator, min 1). Fix: add a value or leave the operator out',
    ]),
    onBoth('an empty value', [data('AWS::S3::Object', { field: 'eventName', startsWith: [''] })], () => [
      '[SelectorValueLength] dataEvents[0].fieldSelectors[2].startsWith[0] "": must be 1 to 2048 characters long, got 0 (API model OperatorValue). Fix: use at least 1 character',
    ]),
    valid('a value of 2048 characters', TARGETS, [data('AWS::S3::Object', { field: 'eventName', equalTo: [long(2048)] })]),
    onBoth('a value of 2049 characters', [data('AWS::S3::Object', { field: 'eventName', equalTo: [long(2049)] })], () => [
      `[SelectorValueLength] dataEvents[0].fieldSelectors[2].equalTo[0] "${long(58)}… (length 2049): must be 1 to 2048 characters long, got 2049 (API model OperatorValue). Fix: shorten it to at most 2048 characters`,
    ]),
    onBoth('a selector with empty fieldSelectors', [selector()], () => [
      "[FieldSelectorsRequired] dataEvents[0].fieldSelectors []: an advanced event selector needs at least one field selector (API model AdvancedEventSelector). Fix: add at least { field: 'eventCategory', equalTo: [...] }",
    ]),
    valid('a selector name of 1000 characters', TARGETS, [{ ...management(), name: long(1000) }]),
    onBoth('a selector name of 1001 characters', [{ ...management(), name: long(1001) }], () => [
      `[SelectorNameLength] dataEvents[0].name "${long(58)}… (length 1001): must be 1 to 1000 characters long, got 1001 (CloudFormation AdvancedEventSelector Name). Fix: shorten it to at most 1000 characters`,
    ]),
  ]);
});

describe('limits on the whole list', () => {
  const quotas = 'CloudTrail quotas';
  const arnPrefixes = (count: number, bucket: string): string[] => Array.from({ length: count }, (_, i) => `arn:aws:s3:::${bucket}/${i}/`);
  check([
    // 2 values for eventCategory and resources.type, plus the event names
    valid('500 values', TARGETS, [data('AWS::S3::Object', { field: 'eventName', equalTo: names(498) })]),
    onBoth('501 values', [data('AWS::S3::Object', { field: 'eventName', equalTo: names(499) })], target => [
      `[SelectorValuesQuota] dataEvents: 501 values across all conditions of all advanced event selectors; ${LABEL[target]} takes at most 500 (${quotas}). Fix: cover many resources with one startsWith prefix, or log fewer resources`,
    ]),
    onBoth('501 values over several selectors and operators', [
      management({ field: 'readOnly', equalTo: ['true'] }),
      data('AWS::S3::Object', { field: 'eventName', equalTo: names(200), notEquals: names(100) }),
      data('AWS::Lambda::Function', { field: 'eventName', startsWith: names(195) }),
    ], target => [
      `[SelectorValuesQuota] dataEvents: 501 values across all conditions of all advanced event selectors; ${LABEL[target]} takes at most 500 (${quotas}). Fix: cover many resources with one startsWith prefix, or log fewer resources`,
    ]),
    valid('250 resources.ARN values, and exclusions beside them', TARGETS, [
      data('AWS::S3::Object', { field: 'resources.ARN', startsWith: arnPrefixes(200, 'a') }),
      data('AWS::S3::Object', { field: 'resources.ARN', startsWith: arnPrefixes(50, 'c'), notStartsWith: arnPrefixes(100, 'b') }),
    ]),
    // A selector that excludes resources logs all the others: the 250-resources quota does not apply to exclusions
    valid('300 excluded buckets', TARGETS, [
      data('AWS::S3::Object', { field: 'resources.ARN', notStartsWith: arnPrefixes(300, 'b') }),
    ]),
    onBoth('251 resources.ARN values across Data selectors', [
      data('AWS::S3::Object', { field: 'resources.ARN', startsWith: arnPrefixes(200, 'a') }),
      data('AWS::S3::Object', { field: 'resources.ARN', startsWith: arnPrefixes(51, 'c'), notStartsWith: arnPrefixes(100, 'b') }),
    ], () => [
      '[DataResourcesQuota] dataEvents: 251 data resources (resources.ARN values with Equals, StartsWith or EndsWith) across the selectors; at most 250 '
      + `unless all resources of a type are logged, exclusions not counted (${quotas}: the global quotas page keeps 250 for advanced `
      + 'selectors, newer Regional pages list only the 500-values limit). Fix: log all resources of the type, or group resources under shared startsWith prefixes',
    ]),
    valid('5 selectors on a store', ['eventDataStore'], Array.from({ length: 5 }, (_, i) => data('AWS::Lambda::Function', { field: 'eventName', equalTo: [`Invoke${i}`] }))),
    valid('6 selectors on a trail', ['trail'], Array.from({ length: 6 }, (_, i) => data('AWS::Lambda::Function', { field: 'eventName', equalTo: [`Invoke${i}`] }))),
    invalid('6 selectors on a store', 'eventDataStore', Array.from({ length: 6 }, (_, i) => data('AWS::Lambda::Function', { field: 'eventName', equalTo: [`Invoke${i}`] })), [
      '[SelectorCount] dataEvents: 6 advanced event selectors, counting the management-events selector; an event data store takes at most 5 (CreateEventDataStore AdvancedEventSelectors). Fix: merge selectors of the same resource type, or use a second event data store',
    ]),
    onBoth('a selector repeated exactly', [data('AWS::S3::Object'), management(), data('AWS::S3::Object')], () => [
      '[SelectorsUnique] dataEvents[2]: repeats an earlier selector exactly (CloudFormation AdvancedEventSelectors schema: unique items). Fix: remove the repeated selector',
    ]),
    valid('Management, Data and NetworkActivity in one store', ['eventDataStore'], [management(), data('AWS::S3::Object'), network(s3Source())]),
    valid('two ConfigurationItem selectors in one store', ['eventDataStore'], [selector(category('ConfigurationItem')), { name: 'Second', ...selector(category('ConfigurationItem')) }]),
    invalid('Management and ConfigurationItem in one store', 'eventDataStore', [management(), selector(category('ConfigurationItem'))], [
      '[EventDataStoreEventKind] dataEvents ["CloudTrail events","ConfigurationItem"]: an event data store holds one kind of event: CloudTrail events (Management, Data, NetworkActivity), or only one of Insight, ConfigurationItem, Evidence, ActivityAuditLog (CreateEventDataStore). Fix: use one event data store per kind',
    ]),
    invalid('Insight and Evidence in one store', 'eventDataStore', [selector(category('Insight')), selector(category('Evidence'))], [
      '[EventDataStoreEventKind] dataEvents ["Insight","Evidence"]: an event data store holds one kind of event: CloudTrail events (Management, Data, NetworkActivity), or only one of Insight, ConfigurationItem, Evidence, ActivityAuditLog (CreateEventDataStore). Fix: use one event data store per kind',
    ]),
  ]);
});

describe('what the list limits count, and where a field is found', () => {
  const ids = (target: SelectorTarget, selectors: AdvancedEventSelector[]) => messages(selectors, target).map(message => message.split(' ')[0]);

  test.each(TARGETS)('only resources.ARN values of Data selectors count as data resources (%s)', target => {
    const arnValues = Array.from({ length: 250 }, (_, i) => `arn:aws:s3:::a/${i}/`);
    expect(ids(target, [data('AWS::S3::Object', arns('startsWith', ...arnValues)), management(arns('equalTo', 'arn:aws:s3:::b/c'))]))
      .toEqual(['[SelectorFieldAllowed]']);
  });

  test('resources.type as the first field selector is found', () => {
    expect(ids('trail', [selector({ field: 'resources.type', equalTo: ['AWS::S3::Object'] }, category('Data'),
      arns('equalTo', 'arn:aws:lambda:us-east-1:111111111111:function:settle'))])).toEqual(['[ResourceArnFormat]']);
  });

  test.each(TARGETS)('a field only CloudFormation knows is not reported as unknown (%s)', target => {
    expect(messages([data('AWS::S3::Object', { field: Token.asString({ Ref: 'Field' }), equalTo: ['x'] })], target)).toEqual([]);
  });

  test.each(TARGETS)('resources.type on a management selector is reported once, for its category, not as an unknown type too (%s)', target => {
    expect(ids(target, [management({ field: 'resources.type', equalTo: ['AWS::Nope::Thing'] })])).toEqual(['[SelectorFieldAllowed]']);
  });

  test('an eventCategory token is no kind of its own in a store', () => {
    expect(ids('eventDataStore', [management(), selector({ field: 'eventCategory', equalTo: [Token.asString({ Ref: 'Category' })] })])).toEqual([]);
  });
});

test.each(TARGETS)('every problem of one list is reported at once (%s)', target => {
  expect(messages([selector(), management({ field: 'readOnly', equalTo: [] }), data('AWS::S3::Object', { field: 'eventname', equalTo: ['x'] })], target))
    .toEqual([
      expect.stringMatching(/^\[FieldSelectorsRequired\] dataEvents\[0\]\.fieldSelectors \[\]/),
      expect.stringMatching(/^\[SelectorValuesRequired\] dataEvents\[1\]\.fieldSelectors\[1\]\.equalTo \[\]/),
      expect.stringMatching(/^\[SelectorFieldKnown\] dataEvents\[2\]\.fieldSelectors\[2\]\.field "eventname"/),
    ]);
});

/** Every warning for a list of selectors, formatted; the selectors sit at `dataEvents[i]`. */
function warnings(selectors: AdvancedEventSelector[], target: SelectorTarget): string[] {
  const placed = selectors.map((entry, i) => ({ selector: entry, property: `dataEvents[${i}]` }));
  return advancedSelectorWarnings(placed, { target, declaredTypes: [] }).map(formatProblem);
}

describe('values of growing documented sets warn instead of failing (UncheckedFieldValue)', () => {
  const documented = 'CloudTrail rejects the selector unless the value is newer';
  test.each(TARGETS)('every documented network-activity event source, error code and event type passes without a warning (%s)', target => {
    const sources = ['cloudtrail', 'ec2', 'kms', 'secretsmanager', 's3'].map(service => network(
      { field: 'eventSource', equalTo: [`${service}.amazonaws.com`] }, { field: 'errorCode', equalTo: ['VpceAccessDenied'] }));
    const types = data('AWS::S3::Object', { field: 'eventType', equalTo: ['AwsApiCall', 'AwsServiceEvent', 'AwsConsoleAction', 'AwsConsoleSignIn', 'AwsVpceEvent'] });
    for (const selectors of [sources.slice(0, 4), [sources[4], types]]) {
      expect(messages(selectors, target)).toEqual([]);
      expect(warnings(selectors, target)).toEqual([]);
    }
  });

  test.each(TARGETS)('a network-activity event source not documented yet is a warning, not an error (%s)', target => {
    const selectors = [network({ field: 'eventSource', equalTo: ['sqs.amazonaws.com'] })];
    expect(messages(selectors, target)).toEqual([]);
    expect(warnings(selectors, target)).toEqual([
      '[UncheckedFieldValue] dataEvents[0].fieldSelectors[1].equalTo[0] "sqs.amazonaws.com": eventSource in NetworkActivity selectors is not one of the values documented '
      + "when this library was released, 'cloudtrail.amazonaws.com', 'ec2.amazonaws.com', 'kms.amazonaws.com', 'secretsmanager.amazonaws.com' or "
      + `'s3.amazonaws.com'; ${documented} (${FIELD}, eventSource for network activity events). Fix: check the value in the CloudTrail User Guide, then acknowledge the warning`,
    ]);
    expect(warnings([network({ field: 'eventSource', equalTo: ['kms'] })], target)[0]).toMatch(/Fix: did you mean 'kms.amazonaws.com'\?/);
  });

  test.each(TARGETS)('a misspelt event type gets a suggestion; prefixes are not checked (%s)', target => {
    const selectors = [data('AWS::S3::Object', { field: 'eventType', notEquals: ['AwsApiCal'], startsWith: ['Aws'] })];
    expect(warnings(selectors, target)).toEqual([
      "[UncheckedFieldValue] dataEvents[0].fieldSelectors[2].notEquals[0] \"AwsApiCal\": eventType in Data selectors is not one of the values documented when this library was released, 'AwsApiCall', 'AwsServiceEvent', 'AwsConsoleAction', 'AwsConsoleSignIn' or 'AwsVpceEvent'; "
      + `${documented} (${FIELD}). Fix: did you mean 'AwsApiCall'? If the value is newer than this library, acknowledge the warning`,
    ]);
  });

  test('an event source in other letter case gets the documented one as a suggestion', () => {
    expect(warnings([network({ field: 'eventSource', equalTo: ['KMS.amazonaws.com'] })], 'trail')[0])
      .toMatch(/"KMS\.amazonaws\.com": .* Fix: did you mean 'kms\.amazonaws\.com'\? If the value is newer than this library, acknowledge the warning$/);
  });

  test('a selector without a usable eventCategory gets no warning', () => {
    expect(warnings([selector({ field: 'eventSource', equalTo: ['sqs.amazonaws.com'] }), selector(category('Nonsense'), s3Source())], 'trail')).toEqual([]);
  });

  test('an error code not documented yet is a warning', () => {
    const [warning] = warnings([network(s3Source(), { field: 'errorCode', equalTo: ['AccessDenied'] })], 'trail');
    expect(warning).toMatch(/^\[UncheckedFieldValue\] dataEvents\[0\]\.fieldSelectors\[2\]\.equalTo\[0\] "AccessDenied": errorCode in NetworkActivity selectors is not one of /);
  });

  test('event types on store management selectors are checked too, tokens are not', () => {
    const selectors = [management({ field: 'eventType', equalTo: ['AwsSigninEvent', Lazy.string({ produce: () => 'x' })] })];
    expect(warnings(selectors, 'eventDataStore')).toHaveLength(1);
  });
});

describe('a bucket ARN as a prefix without its trailing slash (BucketPrefixTrailingSlash)', () => {
  test.each(TARGETS)('startsWith and notStartsWith on S3 objects warn, with the fixed prefix (%s)', target => {
    const selectors = [data('AWS::S3::Object', arns('startsWith', 'arn:aws:s3:::payments', 'arn:aws:s3:::reports/'))];
    expect(messages(selectors, target)).toEqual([]);
    expect(warnings(selectors, target)).toEqual([
      '[BucketPrefixTrailingSlash] dataEvents[0].fieldSelectors[2].startsWith[0] "arn:aws:s3:::payments": a bucket ARN without a trailing \'/\' also logs the objects of every other bucket '
      + "whose name starts with 'payments', such as 'payments-archive' (AdvancedFieldSelector Field, resources.ARN). Fix: end the prefix with '/': 'arn:aws:s3:::payments/'",
    ]);
    expect(warnings([data('AWS::S3::Object', arns('notStartsWith', 'arn:aws-cn:s3:::logs'))], target)[0]).toContain('also leaves out the objects');
  });

  test('a prefix with the slash, or in the middle of a key, and other resource types are left alone', () => {
    expect(warnings([
      data('AWS::S3::Object', arns('startsWith', 'arn:aws:s3:::payments/', 'arn:aws:s3:::payments/inv')),
      data('AWS::S3::AccessPoint', arns('startsWith', 'arn:aws:s3:us-east-1:111111111111:accesspoint')),
    ], 'trail')).toEqual([]);
  });
});

describe('BucketPrefixTrailingSlash applies to data selectors whose resources.type Equals AWS::S3::Object only', () => {
  const bucket = arns('startsWith', 'arn:aws:s3:::payments');
  test.each<[string, AdvancedEventSelector]>([
    ['a management selector', management({ field: 'resources.type', equalTo: ['AWS::S3::Object'] }, bucket)],
    ['AWS::S3::Object with NotEquals', selector(category('Data'), { field: 'resources.type', notEquals: ['AWS::S3::Object'] }, bucket)],
    ['another field with the prefix', data('AWS::S3::Object', { field: 'userIdentity.arn', startsWith: ['arn:aws:s3:::payments'] })],
  ])('%s', (_, entry) => {
    expect(warnings([entry], 'eventDataStore')).toEqual([]);
  });

  test('a token among the prefixes is skipped, the literal values are checked', () => {
    expect(warnings([data('AWS::S3::Object', arns('startsWith', Lazy.string({ produce: () => 'arn:aws:s3:::a' }), 'arn:aws:s3:::payments'))], 'trail')
      .map(message => message.split(':')[0])).toEqual(['[BucketPrefixTrailingSlash] dataEvents[0].fieldSelectors[2].startsWith[1] "arn']);
  });
});

describe('the fix for a wrong ARN names the selector of its real type', () => {
  test.each([
    ['AWS::S3::Object', 'arn:aws:lambda:us-east-1:111111111111:function:settle', 'this is an AWS::Lambda::Function ARN: log it with addLambdaFunctions, or in a selector whose resources.type is AWS::Lambda::Function'],
    ['AWS::Lambda::Function', 'arn:aws:dynamodb:us-east-1:111111111111:table/ledger', 'this is an AWS::DynamoDB::Table ARN: log it with addDynamoDbTables, or in a selector whose resources.type is AWS::DynamoDB::Table'],
    ['AWS::DynamoDB::Table', 'arn:aws:s3:::payments/invoices/1.pdf', 'this is an AWS::S3::Object ARN: log it with addS3Objects, or in a selector whose resources.type is AWS::S3::Object'],
    ['AWS::S3::Object', 'arn:aws:sns:us-east-1:111111111111:alerts', 'this is an AWS::SNS::Topic ARN: log it with addDataEvents(DataResourceType.SNS_TOPIC), or in a selector whose resources.type is AWS::SNS::Topic'],
    ['AWS::S3::Object', 'arn:aws:s3:::payments', "use startsWith with the bucket ARN and a trailing '/' to log every object of a bucket"],
  ])('a %s selector with %s', (type, arn, fix) => {
    const [message] = messages([data(type, arns('equalTo', arn))], 'trail');
    expect(message).toMatch(/^\[ResourceArnFormat\] /);
    expect(message.slice(message.indexOf('. Fix: ') + 7)).toBe(fix);
  });
});

describe('the CloudWatch telemetry rule target: management and data events, with the trail\'s field rules', () => {
  const TELEMETRY_DOC = 'CloudWatch User Guide, "Telemetry discovery and enablement"';
  check([
    valid('Management and Data', ['telemetryRule'], [management(), data('AWS::S3::Object', { field: 'readOnly', equalTo: ['false'] })]),
    valid('NotEquals kms on Management, as on a trail', ['telemetryRule'], [management({ field: 'eventSource', notEquals: ['kms.amazonaws.com'] })]),
    invalid('NetworkActivity', 'telemetryRule', [network(s3Source())], [
      `[EventCategoryValue] dataEvents[0].fieldSelectors[0].equalTo "NetworkActivity": eventCategory NetworkActivity is not for CloudWatch telemetry rules, which take only 'Management' or 'Data' events (${TELEMETRY_DOC}). Fix: log these events with an OrganizationTrail or a LakeEventDataStore`,
    ]),
    invalid('Insight', 'telemetryRule', [selector(category('Insight'))], [
      `[EventCategoryValue] dataEvents[0].fieldSelectors[0].equalTo "Insight": eventCategory Insight is not for CloudWatch telemetry rules, which take only 'Management' or 'Data' events (${TELEMETRY_DOC}). Fix: log these events to a LakeEventDataStore`,
    ]),
    invalid('misspelt', 'telemetryRule', [selector(category('Managment'))], [
      `[EventCategoryValue] dataEvents[0].fieldSelectors[0].equalTo "Managment": eventCategory on a CloudWatch telemetry rule must be 'Management' or 'Data' (${FIELD}, eventCategory). Fix: did you mean 'Management'?`,
    ]),
    invalid('eventName on Management, which only event data stores take', 'telemetryRule', [management({ field: 'eventName', equalTo: ['ConsoleLogin'] })], [
      `[SelectorFieldAllowed] dataEvents[0].fieldSelectors[1].field "eventName": eventName is not allowed in Management selectors on a CloudWatch telemetry rule; it is allowed in Data/NetworkActivity selectors on trails and event data stores, Management selectors on event data stores (${FIELD}). Fix: remove this field selector`,
    ]),
    invalid('eventSource Equals on Management, which trails do not take', 'telemetryRule', [management({ field: 'eventSource', equalTo: ['s3.amazonaws.com'] })], [
      `[SelectorFieldOperator] dataEvents[0].fieldSelectors[1].equalTo ["s3.amazonaws.com"]: eventSource in Management selectors on a CloudWatch telemetry rule takes only NotEquals, not Equals (${FIELD}, eventSource for management events on trails). Fix: use notEquals`,
    ]),
  ]);
});

describe('a list token among other values', () => {
  test.each(TARGETS)('counts the other values in the plural (%s)', target => {
    const eventNames = [...Token.asList({ Ref: 'EventNames' }), 'PutObject', 'GetObject'];
    const problems = messages([selector(
      { field: 'eventCategory', equalTo: ['Data'] },
      { field: 'resources.type', equalTo: ['AWS::S3::Object'] },
      { field: 'eventName', equalTo: eventNames },
    )], target);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^\[SelectorListToken\] dataEvents\[0\]\.fieldSelectors\[2\]\.equalTo .*: holds a list token \(such as a CfnParameter's valueAsList\) and 2 more values; /);
  });
});

describe('an eventCategory only CloudFormation knows', () => {
  test.each(TARGETS)('is not checked, and neither are the fields that depend on it (%s)', target => {
    // with a literal category, errorCode would be checked against it (it is allowed in NetworkActivity selectors only)
    expect(messages([selector(
      { field: 'eventCategory', equalTo: [Token.asString({ Ref: 'Category' })] },
      { field: 'errorCode', equalTo: ['AccessDenied'] },
    )], target)).toEqual([]);
  });

  test('a literal category with the same fields is checked', () => {
    expect(messages([selector(
      { field: 'eventCategory', equalTo: ['Management'] },
      { field: 'errorCode', equalTo: ['AccessDenied'] },
    )], 'trail').map(message => message.split(' ')[0])).toEqual(['[SelectorFieldAllowed]']);
  });
});
