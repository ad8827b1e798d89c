import { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { CONSTRUCT_FIXTURES, FIXTURE_ENV } from './fixtures/constructs';
import { validatingApp } from './util';

// Unit tests run without aws-cdk-lib's CloudFormation schema validation; here it judges the default and the
// fully-featured form of every construct: any schema finding fails synthesis.
describe.each(CONSTRUCT_FIXTURES.map(f => [f.construct, f] as const))('%s', (_, fixture) => {
  test.each(['default', 'full'] as const)('%s form passes the CloudFormation schemas', form => {
    const stack = new Stack(validatingApp(), 'Stack', { env: FIXTURE_ENV });
    fixture[form](stack);
    const template = Template.fromStack(stack);
    expect(Object.keys(template.toJSON().Resources).length).toBeGreaterThan(0);
    expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
  });
});
