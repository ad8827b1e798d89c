import * as fs from 'fs';
import * as path from 'path';

// Compares the cloud assemblies the example app synthesizes in other languages with the TypeScript one: the same
// stacks, the same template files, templates equal but for asset hashes and CDK metadata, and the same warnings
// and errors. Usage (test-languages.sh runs it):
//
//   ts-node examples/languages/compare-templates.ts cdk.out python=examples/python/cdk.out java=examples/java/cdk.out
//
// Prints every difference and exits 1 when there is any.

/** A stack of a cloud assembly, by its artifact id (with the ids of the nested assemblies it is in). */
export interface SynthesizedStack {
  readonly templateFile: string;
  readonly template: any;
  /** `warning /Stack/Path: message` for each warning and error annotation, sorted. */
  readonly annotations: string[];
}

/** What a cloud assembly holds that the comparison looks at. */
export interface Assembly {
  readonly stacks: Map<string, SynthesizedStack>;
  /** The hashes of the file and image assets, which name the assets in templates. */
  readonly assetHashes: Set<string>;
  /** The aws-cdk-lib versions that made the constructs, from the construct tree (tree.json), if it has them. */
  readonly cdkVersions: Set<string>;
}

/** One difference between two JSON values, at a path such as `Resources.Key.Properties.Tags[0]`. */
export interface Difference {
  readonly path: string;
  readonly reference: unknown;
  readonly other: unknown;
}

const STACK = 'aws:cloudformation:stack';
const NESTED_ASSEMBLY = 'cdk:cloud-assembly';
const ASSET_MANIFEST = 'cdk:asset-manifest';
const TREE = 'cdk:tree';
const ANNOTATION_TYPES = ['aws:cdk:warning', 'aws:cdk:error'];
/** Resource metadata written by the CDK: the construct path and, when asset metadata is on, local asset paths. */
const CDK_RESOURCE_METADATA = /^aws:(cdk:path|asset:)/;
/** Element ids, e.g. the S3 keys of assets and legacy asset parameter names, hold 64-hex-digit hashes. */
const HASH = /[0-9a-f]{64}/g;
const MISSING = Symbol('missing');

/** Reads the stacks and asset hashes of a cloud assembly directory and the assemblies nested in it. */
export function readAssembly(dir: string, prefix = ''): Assembly {
  const manifest = readJson(path.join(dir, 'manifest.json'));
  const stacks = new Map<string, SynthesizedStack>();
  const assetHashes = new Set<string>();
  const cdkVersions = new Set<string>();
  for (const [id, artifact] of Object.entries<any>(manifest.artifacts ?? {})) {
    if (artifact.type === STACK) {
      stacks.set(prefix + id, {
        templateFile: artifact.properties.templateFile,
        template: readJson(path.join(dir, artifact.properties.templateFile)),
        annotations: annotationsOf(dir, artifact),
      });
    } else if (artifact.type === NESTED_ASSEMBLY) {
      const nested = readAssembly(path.join(dir, artifact.properties.directoryName), `${prefix}${id}/`);
      nested.stacks.forEach((stack, stackId) => stacks.set(stackId, stack));
      nested.assetHashes.forEach(hash => assetHashes.add(hash));
      nested.cdkVersions.forEach(version => cdkVersions.add(version));
    } else if (artifact.type === ASSET_MANIFEST) {
      const assets = readJson(path.join(dir, artifact.properties.file));
      for (const section of [assets.files ?? {}, assets.dockerImages ?? {}]) {
        for (const [hash, asset] of Object.entries<any>(section)) {
          assetHashes.add(hash);
          for (const destination of Object.values<any>(asset.destinations ?? {})) {
            for (const name of [destination.objectKey, destination.imageTag]) {
              for (const match of String(name ?? '').match(HASH) ?? []) assetHashes.add(match);
            }
          }
        }
      }
    } else if (artifact.type === TREE) {
      collectCdkVersions(readJson(path.join(dir, artifact.properties.file)).tree, cdkVersions);
    }
  }
  return { stacks, assetHashes, cdkVersions };
}

function collectCdkVersions(node: any, versions: Set<string>): void {
  const info = node?.constructInfo;
  if (typeof info?.fqn === 'string' && info.fqn.startsWith('aws-cdk-lib.') && info.version) versions.add(info.version);
  for (const child of Object.values<any>(node?.children ?? {})) collectCdkVersions(child, versions);
}

function annotationsOf(dir: string, artifact: any): string[] {
  const metadata: Record<string, Array<{ type: string; data: unknown }>> = { ...artifact.metadata };
  if (artifact.additionalMetadataFile) {
    for (const [constructPath, entries] of Object.entries<any>(readJson(path.join(dir, artifact.additionalMetadataFile)))) {
      metadata[constructPath] = [...metadata[constructPath] ?? [], ...entries];
    }
  }
  const annotations: string[] = [];
  for (const [constructPath, entries] of Object.entries(metadata)) {
    for (const entry of entries.filter(e => ANNOTATION_TYPES.includes(e.type))) {
      annotations.push(`${entry.type.replace('aws:cdk:', '')} ${constructPath}: ${String(entry.data)}`);
    }
  }
  return annotations.sort();
}

/**
 * A copy of a template without what may differ from one language (or aws-cdk-lib build) to another and does
 * not change what is deployed: the AWS::CDK::Metadata resource and its CDKMetadataAvailable condition, the
 * construct paths and asset paths in resource metadata, and asset hashes, which become `<asset 1>`, `<asset 2>`,
 * ... in the order they first appear (keys sorted), so a template that uses another asset in a place still differs.
 */
export function normalizeTemplate(template: any, assetHashes: ReadonlySet<string>): any {
  const copy = JSON.parse(JSON.stringify(template ?? {}));
  for (const [logicalId, resource] of Object.entries<any>(copy.Resources ?? {})) {
    if (resource?.Type === 'AWS::CDK::Metadata') {
      delete copy.Resources[logicalId];
      continue;
    }
    if (resource?.Metadata && typeof resource.Metadata === 'object') {
      for (const key of Object.keys(resource.Metadata).filter(k => CDK_RESOURCE_METADATA.test(k))) {
        delete resource.Metadata[key];
      }
      if (Object.keys(resource.Metadata).length === 0) delete resource.Metadata;
    }
  }
  if (copy.Conditions) {
    delete copy.Conditions.CDKMetadataAvailable;
    if (Object.keys(copy.Conditions).length === 0) delete copy.Conditions;
  }
  const names = new Map<string, string>();
  const rename = (text: string) => text.replace(HASH, hash => {
    if (!assetHashes.has(hash)) return hash;
    if (!names.has(hash)) names.set(hash, `<asset ${names.size + 1}>`);
    return names.get(hash)!;
  });
  const walk = (value: any): any => {
    if (typeof value === 'string') return rename(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.keys(value).sort().map(key => [rename(key), walk(value[key])]));
    }
    return value;
  };
  return walk(copy);
}

/** Every difference between two JSON values: changed, missing and extra object keys and array elements. */
export function diffJson(reference: unknown, other: unknown, at = ''): Difference[] {
  if (Array.isArray(reference) && Array.isArray(other)) {
    const differences: Difference[] = [];
    for (let i = 0; i < Math.max(reference.length, other.length); i++) {
      differences.push(...diffJson(i < reference.length ? reference[i] : MISSING, i < other.length ? other[i] : MISSING, `${at}[${i}]`));
    }
    return differences;
  }
  if (isObject(reference) && isObject(other)) {
    const keys = [...new Set([...Object.keys(reference), ...Object.keys(other)])].sort();
    return keys.flatMap(key => diffJson(
      key in reference ? reference[key] : MISSING,
      key in other ? other[key] : MISSING,
      at ? `${at}.${key}` : key));
  }
  return JSON.stringify(reference) === JSON.stringify(other) || reference === other ? [] : [{ path: at || '(root)', reference, other }];
}

/**
 * The differences between the reference assembly and another one, as lines to print (none when they agree). `ignored`
 * leaves out the template differences at the paths it accepts.
 */
export function compareAssemblies(reference: Assembly, other: Assembly, names: { reference: string; other: string },
  ignored: (templatePath: string) => boolean = () => false): string[] {
  const lines: string[] = [];
  const referenceIds = [...reference.stacks.keys()].sort();
  const otherIds = [...other.stacks.keys()].sort();
  const missing = referenceIds.filter(id => !other.stacks.has(id));
  const extra = otherIds.filter(id => !reference.stacks.has(id));
  if (missing.length > 0) lines.push(`stacks only in ${names.reference}: ${missing.join(', ')}`);
  if (extra.length > 0) lines.push(`stacks only in ${names.other}: ${extra.join(', ')}`);
  const width = Math.max(names.reference.length, names.other.length) + 1;
  for (const id of referenceIds.filter(i => other.stacks.has(i))) {
    const ours = reference.stacks.get(id)!;
    const theirs = other.stacks.get(id)!;
    if (ours.templateFile !== theirs.templateFile) {
      lines.push(`stack ${id}: template file ${ours.templateFile} in ${names.reference}, ${theirs.templateFile} in ${names.other}`);
    }
    const differences = diffJson(normalizeTemplate(ours.template, reference.assetHashes), normalizeTemplate(theirs.template, other.assetHashes))
      .filter(difference => !ignored(difference.path));
    if (differences.length > 0) {
      lines.push(`stack ${id} (${ours.templateFile}): ${differences.length} difference(s)`);
      for (const difference of differences) {
        lines.push(`  ${difference.path}`);
        lines.push(`    ${`${names.reference}:`.padEnd(width)} ${show(difference.reference)}`);
        lines.push(`    ${`${names.other}:`.padEnd(width)} ${show(difference.other)}`);
      }
    }
    const annotationDifferences = [
      ...ours.annotations.filter(a => !theirs.annotations.includes(a)).map(a => `  only in ${names.reference}: ${a}`),
      ...theirs.annotations.filter(a => !ours.annotations.includes(a)).map(a => `  only in ${names.other}: ${a}`),
    ];
    if (annotationDifferences.length > 0) {
      lines.push(`stack ${id}: warnings and errors differ`, ...annotationDifferences);
    }
  }
  return lines;
}

function show(value: unknown): string {
  if (value === MISSING) return '(missing)';
  const text = JSON.stringify(value);
  return text.length > 400 ? `${text.slice(0, 400)}… (${text.length} characters)` : text;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readJson(file: string): any {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function main(args: string[]): number {
  const [referenceDir, ...others] = args;
  if (!referenceDir || others.length === 0 || others.some(o => !/^[^=]+=.+/.test(o))) {
    console.error('usage: compare-templates.ts REFERENCE_CDK_OUT NAME=CDK_OUT [NAME=CDK_OUT ...]');
    return 2;
  }
  const reference = readAssembly(referenceDir);
  const made = (assembly: Assembly) => `aws-cdk-lib ${[...assembly.cdkVersions].sort().join(', ') || 'unknown'}`;
  console.log(`typescript (${referenceDir}): ${made(reference)}`);
  let failed = 0;
  for (const spec of others) {
    const [name, dir] = [spec.slice(0, spec.indexOf('=')), spec.slice(spec.indexOf('=') + 1)];
    const other = readAssembly(dir);
    const lines = compareAssemblies(reference, other, { reference: 'typescript', other: name });
    const stacks = [...other.stacks.entries()].map(([id, s]) => `${id} (${Object.keys(s.template.Resources ?? {}).length} resources)`).join(', ');
    if (lines.length === 0) {
      console.log(`${name} (${dir}, ${made(other)}) = typescript: ${stacks || 'no stacks'}`);
    } else {
      failed++;
      console.log(`${name} (${dir}, ${made(other)}) differs from typescript:`);
      lines.forEach(line => console.log(`  ${line}`));
    }
  }
  console.log(`languages: ${others.length - failed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
