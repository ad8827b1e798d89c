import { createHash } from 'crypto';
import { Template } from 'aws-cdk-lib/assertions';
import { BaselineAuditStack } from './baseline';
import { EXAMPLE_ENV, OrganizationAuditStack } from '../examples/organization-audit';
import { testApp } from '../test/util';

/**
 * The synth benchmark times the example audit stack against a hand-written aws-cdk-lib baseline. The ratio
 * means something only if both stacks synthesize the same template, up to logical IDs: these tests prove it.
 *
 * Nothing is excluded from the comparison but what is named by logical ID (references, DependsOn, and
 * strings that are logical IDs, such as the PolicyName aws-cdk-lib derives for an AWS::IAM::Policy) and
 * Metadata (cdk-nag acknowledgements). Asset hashes are compared as they are: they hash the bundles'
 * contents, and both stacks deploy the same bundles. Statement and selector order is compared too.
 */

type Json = any;
type Resources = Record<string, Json>;

/** Every way a CloudFormation template of ours names another resource, with the id that is named. */
function referenceOf(value: Json, ids: Set<string>): { id: string; render: (name: string) => Json } | undefined {
  if (typeof value === 'string') {
    return ids.has(value) ? { id: value, render: name => `<logical ID of ${name}>` } : undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return undefined;
  }
  const keys = Object.keys(value);
  if (keys.length !== 1) {
    return undefined;
  }
  if (keys[0] === 'Ref' && ids.has(value.Ref)) {
    return { id: value.Ref, render: name => ({ Ref: name }) };
  }
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt) && ids.has(getAtt[0])) {
    return { id: getAtt[0], render: name => ({ 'Fn::GetAtt': [name, ...getAtt.slice(1)] }) };
  }
  return undefined;
}

/** A value with each resource it names replaced by `name(id)`, and object keys sorted. */
function rename(value: Json, ids: Set<string>, name: (id: string) => string): Json {
  const reference = referenceOf(value, ids);
  if (reference) {
    return reference.render(name(reference.id));
  }
  if (Array.isArray(value)) {
    return value.map(item => rename(item, ids, name));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map(key => [key, rename(value[key], ids, name)]));
  }
  return value;
}

/** The ids of the resources a value names. */
function namedIds(value: Json, ids: Set<string>, into = new Set<string>()): Set<string> {
  const reference = referenceOf(value, ids);
  if (reference) {
    into.add(reference.id);
  } else if (value !== null && typeof value === 'object') {
    Object.values(value).forEach(item => namedIds(item, ids, into));
  }
  return into;
}

/** What a resource is, apart from what names it: everything but DependsOn and Metadata. */
function body(resource: Json): Json {
  const { DependsOn, Metadata, ...rest } = resource;
  return rest;
}

/** A template's resources, each with the resources it names in its body and those it waits for. */
class Graph {
  public readonly ids: Set<string>;
  public readonly names = new Map<string, Set<string>>();
  public readonly waitsFor = new Map<string, Set<string>>();

  constructor(public readonly resources: Resources) {
    this.ids = new Set(Object.keys(resources));
    for (const [id, resource] of Object.entries(resources)) {
      const named = namedIds(body(resource), this.ids);
      named.delete(id);
      this.names.set(id, named);
      this.waitsFor.set(id, new Set([...named, ...[resource.DependsOn ?? []].flat()]));
    }
  }

  /** Every resource CloudFormation creates before this one: what it names or depends on, and so on. */
  public closure(id: string): Set<string> {
    const seen = new Set<string>();
    const visit = (next: string) => this.waitsFor.get(next)!.forEach(dependency => {
      if (!seen.has(dependency)) {
        seen.add(dependency);
        visit(dependency);
      }
    });
    visit(id);
    return seen;
  }
}

const hash = (value: Json) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 12);

/**
 * Labels for the resources of both graphs that depend on content only (colour refinement): a resource
 * starts as its type; each round its label becomes a hash of its body, with every resource it names shown
 * by that resource's label, and of the labels of the resources that name it. Two resources end with the same
 * label exactly when nothing in their properties or in how they are wired tells them apart.
 */
function contentLabels(graphs: Graph[]): Map<string, string>[] {
  let labels = graphs.map(graph => new Map(Object.entries(graph.resources).map(([id, resource]) => [id, resource.Type as string])));
  const distinct = (all: Map<string, string>[]) => new Set(all.flatMap(map => [...map.values()])).size;
  for (let round = 0; round < 100; round++) {
    const next = graphs.map((graph, g) => {
      const label = labels[g];
      const namedBy = new Map([...graph.ids].map(id => [id, [] as string[]]));
      graph.names.forEach((named, id) => named.forEach(target => namedBy.get(target)!.push(label.get(id)!)));
      return new Map([...graph.ids].map(id => {
        const resource = graph.resources[id];
        const content = { body: rename(body(resource), graph.ids, target => label.get(target)!), namedBy: namedBy.get(id)!.sort() };
        return [id, `${resource.Type}#${hash(content)}`];
      }));
    });
    const settled = distinct(next) === distinct(labels);
    labels = next;
    if (settled) {
      break;
    }
  }
  return labels;
}

/** Counts of the values, for comparing multisets. */
function tally(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  values.forEach(value => counts.set(value, (counts.get(value) ?? 0) + 1));
  return counts;
}

/** The values one multiset has more often than the other, each as often as it has them more. */
function surplus(of: string[], over: string[]): string[] {
  const counts = tally(over);
  return of.filter(value => {
    const left = counts.get(value) ?? 0;
    counts.set(value, left - 1);
    return left <= 0;
  });
}

/** Every difference between two templates that is not a logical ID, in words; empty when there is none. */
function templateDifferences(library: Json, baseline: Json): string[] {
  const differences: string[] = [];
  const { Resources: libraryResources, ...libraryRest } = library;
  const { Resources: baselineResources, ...baselineRest } = baseline;
  if (JSON.stringify(rename(libraryRest, new Set(), id => id)) !== JSON.stringify(rename(baselineRest, new Set(), id => id))) {
    differences.push('the templates differ outside Resources');
  }
  const graphs = [new Graph(libraryResources), new Graph(baselineResources)];
  const [libraryGraph, baselineGraph] = graphs;

  // (a) resource counts by type
  const types = (graph: Graph) => Object.values(graph.resources).map(resource => resource.Type as string);
  const libraryTypes = tally(types(libraryGraph));
  const baselineTypes = tally(types(baselineGraph));
  for (const type of new Set([...libraryTypes.keys(), ...baselineTypes.keys()])) {
    if (libraryTypes.get(type) !== baselineTypes.get(type)) {
      differences.push(`${type}: ${libraryTypes.get(type) ?? 0} in the library's template, ${baselineTypes.get(type) ?? 0} in the baseline's`);
    }
  }

  // (b) each resource's properties, with every resource it names shown by its type: readable when it fails
  const shallow = (graph: Graph) => Object.values(graph.resources)
    .map(resource => JSON.stringify(rename(body(resource), graph.ids, id => graph.resources[id].Type), undefined, 1));
  surplus(shallow(libraryGraph), shallow(baselineGraph)).forEach(json => differences.push(`only in the library's template: ${json}`));
  surplus(shallow(baselineGraph), shallow(libraryGraph)).forEach(json => differences.push(`only in the baseline's template: ${json}`));

  // (c) which resource names which: the same properties naming resources of the same type can still be wired differently
  const labels = contentLabels(graphs);
  const labelled = (g: number) => [...labels[g].values()];
  const describe = (g: number, label: string) => [...labels[g]].filter(([, l]) => l === label).map(([id]) => id).join(', ');
  surplus(labelled(0), labelled(1)).forEach(label => differences.push(`wired differently in the library's template: ${describe(0, label)}`));
  surplus(labelled(1), labelled(0)).forEach(label => differences.push(`wired differently in the baseline's template: ${describe(1, label)}`));

  // (d) deployment order: what each resource waits for, directly or through others, named or by DependsOn
  const order = (g: number) => [...graphs[g].ids].map(id =>
    `${labels[g].get(id)} after ${[...graphs[g].closure(id)].map(dependency => labels[g].get(dependency)).sort().join(' ')}`);
  const describeOrder = (g: number, entry: string) => describe(g, entry.split(' ')[0]);
  surplus(order(0), order(1)).forEach(entry => differences.push(`deployed in another order in the library's template: ${describeOrder(0, entry)}`));
  surplus(order(1), order(0)).forEach(entry => differences.push(`deployed in another order in the baseline's template: ${describeOrder(1, entry)}`));
  return differences;
}

describe('the synth benchmark compares like with like', () => {
  // The same stack id: aws-cdk-lib writes construct paths into descriptions (the provider's functions).
  const library = Template.fromStack(new OrganizationAuditStack(testApp(), 'OrganizationAudit', { env: EXAMPLE_ENV })).toJSON();
  const baseline = Template.fromStack(new BaselineAuditStack(testApp(), 'OrganizationAudit', { env: EXAMPLE_ENV })).toJSON();
  const copy = (): Json => JSON.parse(JSON.stringify(baseline));
  const idOf = (template: Json, type: string, nth = 0) => Object.keys(template.Resources).filter(id => template.Resources[id].Type === type)[nth];

  test('the baseline has as many resources of each type as the example stack', () => {
    const counts = (template: Json) => tally(Object.values<Json>(template.Resources).map(resource => resource.Type));
    expect(Object.fromEntries(counts(baseline))).toEqual(Object.fromEntries(counts(library)));
    expect(Object.keys(baseline.Resources)).toHaveLength(72);
  });

  test('the baseline\'s template is the example stack\'s, up to logical IDs', () => {
    expect(templateDifferences(library, baseline)).toEqual([]);
  });

  test('the comparison finds a missing alarm', () => {
    const changed = copy();
    delete changed.Resources[idOf(changed, 'AWS::CloudWatch::Alarm', 3)];
    expect(templateDifferences(library, changed)).toContain('AWS::CloudWatch::Alarm: 15 in the library\'s template, 14 in the baseline\'s');
  });

  test('the comparison finds a changed property, here the order of a policy\'s statements', () => {
    const changed = copy();
    const policy = Object.values<Json>(changed.Resources)
      .find(resource => resource.Type === 'AWS::IAM::ManagedPolicy' && resource.Properties.PolicyDocument.Statement.length > 1);
    policy.Properties.PolicyDocument.Statement.reverse();
    const differences = templateDifferences(library, changed);
    expect(differences).toContainEqual(expect.stringMatching(/^only in the library's template: \{\n "Properties": \{\n  "Description"/));
    expect(differences).toContainEqual(expect.stringMatching(/^only in the baseline's template: \{\n "Properties": \{\n  "Description"/));
  });

  test('the comparison finds a reference to another resource of the same type', () => {
    const changed = copy();
    const trail = changed.Resources[idOf(changed, 'AWS::CloudTrail::Trail')];
    const otherBucket = [idOf(changed, 'AWS::S3::Bucket', 0), idOf(changed, 'AWS::S3::Bucket', 1)].find(id => id !== trail.Properties.S3BucketName.Ref);
    trail.Properties.S3BucketName = { Ref: otherBucket };
    const differences = templateDifferences(library, changed);
    expect(differences.filter(difference => !difference.startsWith('wired') && !difference.startsWith('deployed'))).toEqual([]);
    expect(differences).toContainEqual(expect.stringMatching(/^wired differently in the baseline's template: .*Trail/));
  });

  test('the comparison finds a lost dependency', () => {
    const changed = copy();
    delete changed.Resources[idOf(changed, 'AWS::CloudTrail::Trail')].DependsOn;
    const differences = templateDifferences(library, changed);
    expect(differences).toEqual(expect.arrayContaining([expect.stringMatching(/^deployed in another order in the baseline's template: .*Trail/)]));
    expect(differences.filter(difference => !difference.startsWith('deployed'))).toEqual([]);
  });
});
