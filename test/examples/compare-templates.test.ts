import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Assembly, compareAssemblies, diffJson, normalizeTemplate, readAssembly } from '../../examples/languages/compare-templates';

const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);
const HASH_C = 'c'.repeat(64);

function template(codeHash: string, extra: Record<string, unknown> = {}) {
  return {
    Resources: {
      Handler: {
        Type: 'AWS::Lambda::Function',
        Properties: { Code: { S3Bucket: 'cdk-assets', S3Key: `${codeHash}.zip` }, Runtime: 'nodejs22.x', ...extra },
        Metadata: { 'aws:cdk:path': 'Stack/Handler/Resource', 'aws:asset:path': `asset.${codeHash}` },
      },
    },
  };
}

function assembly(stacks: Record<string, any>, assetHashes: string[]): Assembly {
  return {
    stacks: new Map(Object.entries(stacks).map(([id, t]) => [id, { templateFile: `${id}.template.json`, template: t, annotations: [] }])),
    assetHashes: new Set(assetHashes),
    cdkVersions: new Set(),
  };
}

const names = { reference: 'typescript', other: 'python' };

describe('compare-templates', () => {
  test('asset hashes, construct paths and CDK metadata are ignored', () => {
    const reference = template(HASH_A);
    const other = template(HASH_B);
    (other.Resources as any).CDKMetadata = { Type: 'AWS::CDK::Metadata', Properties: { Analytics: 'v2:deflate64:x' } };
    (other as any).Conditions = { CDKMetadataAvailable: { 'Fn::Equals': ['a', 'b'] } };
    expect(compareAssemblies(assembly({ S: reference }, [HASH_A]), assembly({ S: other }, [HASH_B]), names)).toEqual([]);
  });

  test('any other difference is reported with its path and both values', () => {
    const lines = compareAssemblies(
      assembly({ S: template(HASH_A) }, [HASH_A]),
      assembly({ S: template(HASH_B, { Timeout: 30 }) }, [HASH_B]),
      names);
    expect(lines).toEqual([
      'stack S (S.template.json): 1 difference(s)',
      '  Resources.Handler.Properties.Timeout',
      '    typescript: (missing)',
      '    python:     30',
    ]);
  });

  test('a template that uses another asset in a place still differs', () => {
    const twoAssets = (first: string, second: string) => ({
      Resources: {
        One: { Type: 'AWS::Lambda::Function', Properties: { Code: { S3Key: `${first}.zip` } } },
        Two: { Type: 'AWS::Lambda::Function', Properties: { Code: { S3Key: `${second}.zip` } } },
      },
    });
    expect(normalizeTemplate(twoAssets(HASH_A, HASH_B), new Set([HASH_A, HASH_B]))).toEqual(twoAssets('<asset 1>', '<asset 2>'));
    const lines = compareAssemblies(
      assembly({ S: twoAssets(HASH_A, HASH_B) }, [HASH_A, HASH_B]),
      assembly({ S: twoAssets(HASH_C, HASH_C) }, [HASH_C]),
      names);
    expect(lines[0]).toBe('stack S (S.template.json): 1 difference(s)');
    expect(lines[1]).toBe('  Resources.Two.Properties.Code.S3Key');
  });

  test('a 64-hex-digit string that is not an asset hash is compared as it is', () => {
    expect(normalizeTemplate({ Outputs: { X: { Value: HASH_C } } }, new Set([HASH_A]))).toEqual({ Outputs: { X: { Value: HASH_C } } });
  });

  test('missing and extra stacks, array elements and values of other types are reported', () => {
    const lines = compareAssemblies(assembly({ A: {}, B: {} }, []), assembly({ B: {}, C: {} }, []), names);
    expect(lines).toEqual(['stacks only in typescript: A', 'stacks only in python: C']);
    expect(diffJson({ L: [1, 2] }, { L: [1] })).toEqual([{ path: 'L[1]', reference: 2, other: expect.anything() }]);
    expect(diffJson({ V: '1' }, { V: 1 })).toEqual([{ path: 'V', reference: '1', other: 1 }]);
  });

  test('reads stacks, nested assemblies, asset hashes, warnings and aws-cdk-lib versions from a cloud assembly directory', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compare-templates-'));
    const write = (file: string, content: unknown) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), JSON.stringify(content));
    };
    write('manifest.json', {
      artifacts: {
        'S.assets': { type: 'cdk:asset-manifest', properties: { file: 'S.assets.json' } },
        'S': { type: 'aws:cloudformation:stack', properties: { templateFile: 'S.template.json' }, additionalMetadataFile: 'S.metadata.json' },
        'Stage': { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Stage' } },
        'Tree': { type: 'cdk:tree', properties: { file: 'tree.json' } },
      },
    });
    write('tree.json', {
      tree: {
        id: 'App',
        children: { S: { id: 'S', constructInfo: { fqn: 'aws-cdk-lib.Stack', version: '2.272.0' }, children: {} } },
        constructInfo: { fqn: 'aws-cdk-lib.App', version: '2.272.0' },
      },
    });
    write('S.assets.json', { files: { [HASH_A]: { destinations: { d: { objectKey: `${HASH_B}.zip` } } } } });
    write('S.template.json', template(HASH_A));
    write('S.metadata.json', { '/S/Handler': [{ type: 'aws:cdk:warning', data: 'careful' }, { type: 'aws:cdk:info', data: 'fyi' }] });
    write('assembly-Stage/manifest.json', { artifacts: { T: { type: 'aws:cloudformation:stack', properties: { templateFile: 'T.template.json' } } } });
    write('assembly-Stage/T.template.json', {});
    try {
      const read = readAssembly(dir);
      expect([...read.stacks.keys()].sort()).toEqual(['S', 'Stage/T']);
      expect([...read.assetHashes].sort()).toEqual([HASH_A, HASH_B]);
      expect(read.stacks.get('S')!.annotations).toEqual(['warning /S/Handler: careful']);
      expect([...read.cdkVersions]).toEqual(['2.272.0']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
