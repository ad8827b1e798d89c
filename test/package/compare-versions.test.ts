import { isVersionChoice } from './compare-versions';
import { Assembly, compareAssemblies } from '../../examples/languages/compare-templates';

function assembly(resources: Record<string, unknown>): Assembly {
  return {
    stacks: new Map([['Stack', { templateFile: 'Stack.template.json', template: { Resources: resources }, annotations: [] }]]),
    assetHashes: new Set(),
    cdkVersions: new Set(),
  };
}

const names = { reference: 'dev', other: 'floor' };
const channelPolicy = (statement: Record<string, unknown>) => ({
  Type: 'AWS::CloudTrail::ResourcePolicy',
  Properties: { ResourcePolicy: { Statement: [{ Action: 'cloudtrail-data:PutAuditEvents', Effect: 'Allow', ...statement }] } },
});

describe('compare-versions', () => {
  test('what aws-cdk-lib and constructs choose themselves is left out: DependsOn entries, the provider framework\'s runtime', () => {
    const dev = assembly({
      ProviderframeworkonEvent: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'nodejs24.x' } },
      Handler: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'nodejs22.x' } },
    });
    const floor = assembly({
      ProviderframeworkonEvent: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'nodejs22.x' }, DependsOn: ['Role'] },
      Handler: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'nodejs22.x' }, DependsOn: ['HandlerRole'] },
    });
    expect(compareAssemblies(dev, floor, names, isVersionChoice)).toEqual([]);
  });

  test('the library\'s own runtime and a condition missing at the floor are reported', () => {
    const dev = assembly({
      Handler: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'nodejs22.x' } },
      Policy: channelPolicy({ Condition: { StringEquals: { 'cloudtrail:ExternalId': 'partner' } } }),
    });
    const floor = assembly({
      Handler: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'nodejs20.x' } },
      Policy: channelPolicy({}),
    });
    expect(compareAssemblies(dev, floor, names, isVersionChoice).filter(line => line.startsWith('  Resources'))).toEqual([
      '  Resources.Handler.Properties.Runtime',
      '  Resources.Policy.Properties.ResourcePolicy.Statement[0].Condition',
    ]);
  });
});
