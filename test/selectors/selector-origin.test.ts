import { Token } from 'aws-cdk-lib';
import { AdvancedEventSelector, AdvancedFieldSelector } from '../../src/selectors/field-selector';
import { callLabel, SelectorOrigin, userProperty } from '../../src/selectors/selector-origin';

describe('callLabel', () => {
  test.each<[string, number, string | undefined, string | undefined, string]>([
    ['addLambdaFunctions', 1, undefined, undefined, 'addLambdaFunctions(#1)'],
    ['addS3Objects', 2, 'Payment writes', undefined, 'addS3Objects(#2 "Payment writes")'],
    ['addDataEvents', 1, undefined, 'AWS::SNS::Topic', 'addDataEvents(#1 AWS::SNS::Topic)'],
    ['addDataEvents', 3, 'Topics', 'AWS::SNS::Topic', 'addDataEvents(#3 AWS::SNS::Topic "Topics")'],
    ['addDataEvents', 4, Token.asString({ Ref: 'Name' }), Token.asString({ Ref: 'Type' }), 'addDataEvents(#4)'],
    ['addDataEvents', 5, 'a\u0007', 'AWS::X\u0007', 'addDataEvents(#5 AWS::X\\u0007 "a\\u0007")'],
  ])('%s #%d %s %s', (method, number, name, type, expected) => {
    expect(callLabel(method, number, name, type)).toBe(expected);
  });
});

function fields(...names: string[]): AdvancedFieldSelector[] {
  return names.map(field => ({ field }));
}

describe('userProperty of a builder call with resource ARNs', () => {
  const origin: SelectorOrigin = {
    call: 'addS3Objects(#1 "Payments")',
    method: 'addS3Objects',
    generatedArns: { startsWith: { option: 'buckets', count: 2 } },
    userArns: { startsWith: 1, equalTo: 1 },
  };
  // 12 field selectors, so that an index of two digits is found too
  const selector: AdvancedEventSelector = {
    fieldSelectors: fields('eventCategory', 'resources.type', 'readOnly', 'resources.ARN', 'eventName', 'userIdentity.arn',
      'eventType', 'eventSource', 'errorCode', 'vpcEndpointId', 'sessionCredentialFromConsole', 'eventName'),
  };
  const call = 'dataEvents.addS3Objects(#1 "Payments")';

  test.each([
    ['', call],
    ['.fieldSelectors', call],
    ['.name', `${call}.name`],
    ['.fieldSelectors[12]', `${call}.fieldSelectors[12]`],
    ['x.fieldSelectors[4]', `${call}x.fieldSelectors[4]`],
    ['.fieldSelectors[4].equalTo[1]x', `${call}.fieldSelectors[4].equalTo[1]x`],
    ['.fieldSelectors[4]', `${call}.eventNames`],
    ['.fieldSelectors[11]', `${call}.eventNames`],
    ['.fieldSelectors[4].field', `${call}.eventNames`],
    ['.fieldSelectors[4].values', `${call}.eventNames`],
    ['.fieldSelectors[4].equalTo', `${call}.eventNames.equalTo`],
    ['.fieldSelectors[4].equalTo[1]', `${call}.eventNames.equalTo[1]`],
    ['.fieldSelectors[11].notEndsWith[10]', `${call}.eventNames.notEndsWith[10]`],
    ['.fieldSelectors[2].equalTo[0]', `${call}.readWriteType`],
    ['.fieldSelectors[1].equalTo[0]', `${call}.resources.type`],
    ['.fieldSelectors[5].notStartsWith[0]', `${call}.userIdentityArns.notStartsWith[0]`],
    ['.fieldSelectors[6].equalTo[0]', `${call}.eventType.equalTo[0]`],
    ['.fieldSelectors[7].equalTo[0]', `${call}.eventSource.equalTo[0]`],
    ['.fieldSelectors[8].equalTo[0]', `${call}.errorCode.equalTo[0]`],
    ['.fieldSelectors[9].equalTo', `${call}.vpcEndpointId.equalTo`],
    ['.fieldSelectors[3]', `${call}.resourceArns`],
    ['.fieldSelectors[3].startsWith', `${call}.resourceArns.startsWith`],
    ['.fieldSelectors[3].startsWith[0]', `${call}.buckets[0]`],
    ['.fieldSelectors[3].startsWith[1]', `${call}.buckets[1]`],
    ['.fieldSelectors[3].startsWith[2]', `${call}.resourceArns.startsWith[0]`],
    ['.fieldSelectors[3].startsWith[3]', `${call}.resourceArns.startsWith (the exclusion of the trail's own log bucket)`],
    ['.fieldSelectors[3].equalTo[0]', `${call}.resourceArns.equalTo[0]`],
    ['.fieldSelectors[3].equalTo[1]', `${call}.resourceArns.equalTo (the exclusion of the trail's own log bucket)`],
    ['.fieldSelectors[3].notStartsWith[0]', `${call}.resourceArns.notStartsWith (the exclusion of the trail's own log bucket)`],
  ])('%j is %s', (rest, expected) => {
    expect(userProperty(origin, selector, rest)).toBe(expected);
  });
});

describe('userProperty of addDataEvents', () => {
  test('resources.type comes from the type argument', () => {
    const origin: SelectorOrigin = { call: 'addDataEvents(#1 AWS::SNS::Topic)', method: 'addDataEvents', generatedArns: {}, userArns: {} };
    const selector: AdvancedEventSelector = { fieldSelectors: fields('eventCategory', 'resources.type') };
    expect(userProperty(origin, selector, '.fieldSelectors[1].equalTo[0]')).toBe('dataEvents.addDataEvents(#1 AWS::SNS::Topic).type');
  });
});

describe('userProperty of addNetworkActivity', () => {
  const origin: SelectorOrigin = { call: 'addNetworkActivity(#1 ec2.amazonaws.com)', method: 'addNetworkActivity', generatedArns: {}, userArns: {} };
  const selector: AdvancedEventSelector = { fieldSelectors: fields('eventCategory', 'eventSource', 'vpcEndpointId', 'errorCode', 'eventName') };
  const call = 'dataEvents.addNetworkActivity(#1 ec2.amazonaws.com)';

  test.each([
    ['.fieldSelectors[1].equalTo[0]', `${call}.eventSources`],
    ['.fieldSelectors[1].notEquals[0]', `${call}.eventSources`],
    ['.fieldSelectors[2].equalTo[1]', `${call}.vpcEndpointIds[1]`],
    ['.fieldSelectors[2].equalTo', `${call}.vpcEndpointIds`],
    ['.fieldSelectors[2].notEquals[0]', `${call}.vpcEndpointIds.notEquals[0]`],
    ['.fieldSelectors[3].equalTo[0]', `${call}.errorCodes[0]`],
    ['.fieldSelectors[4].equalTo[0]', `${call}.eventNames.equalTo[0]`],
  ])('%j is %s', (rest, expected) => {
    expect(userProperty(origin, selector, rest)).toBe(expected);
  });
});
