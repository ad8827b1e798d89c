import * as fs from 'fs';
import * as path from 'path';

// Checks the cloud assembly the consumer app (test/package/consumer-app) synthesized from the installed
// package: each handler bundle the package ships is a Lambda code asset of the assembly, byte for byte, used
// by a function; and the templates hold the resources of every construct.
//
//   ts-node test/package/assert-assembly.ts <cdk.out> <node_modules/cdk-cloudtrail-org>

/** Resource types the consumer app's constructs make, at least one of each across the stacks. */
const EXPECTED_RESOURCE_TYPES = [
  'AWS::CloudTrail::Trail', // OrganizationTrail, aws-cdk-lib's Trail with applyToCfnTrail
  'AWS::CloudTrail::EventDataStore', // LakeEventDataStore, CfnEventDataStore with applyToCfnEventDataStore
  'AWS::CloudTrail::ResourcePolicy', // grantQuery to another account
  'AWS::Logs::MetricFilter', // addSecurityAlarms, SecurityAlarms
  'AWS::CloudWatch::Alarm',
  'AWS::Events::Rule', // onEvent
  'Custom::CloudTrailLakeQuery', // LakeQuery
  'Custom::CloudTrailLakeImport', // LakeImport
  'Custom::CloudTrailDelegatedAdmin', // OrganizationDelegatedAdmin
  'Custom::CloudTrailTrustedAccess', // CloudTrailTrustedAccess
  'AWS::Scheduler::Schedule', // ScheduledLakeQuery
  'AWS::StepFunctions::StateMachine', // the operations' provider waiter
  'AWS::Lambda::Function',
  'AWS::KMS::Alias', // TrailLogArchive
  'AWS::ObservabilityAdmin::OrganizationTelemetryRule', // CloudTrailTelemetryRule, organization-wide
  'AWS::ObservabilityAdmin::TelemetryRule', // CloudTrailTelemetryRule, one account
  'AWS::Organizations::Policy', // TrailProtectionPolicy
  'AWS::CloudTrail::Channel', // LakeChannel
  'AWS::CloudTrail::Dashboard', // LakeDashboard
  'Custom::CloudTrailLakeExportToCloudWatch', // LakeExportToCloudWatch
];

/** The external ID the consumer app's channel grant requires (consumer-app/app.ts). */
const CHANNEL_EXTERNAL_ID = 'workload-audit';

interface Template {
  readonly Resources?: Record<string, { Type: string; Properties?: Record<string, any> }>;
}

type Metadata = Record<string, Array<{ type: string; data: unknown }>>;

interface Manifest {
  readonly artifacts?: Record<string, {
    type: string;
    properties?: { templateFile?: string };
    metadata?: Metadata;
    additionalMetadataFile?: string;
  }>;
}

interface AssetManifest {
  readonly files?: Record<string, { source: { path?: string }; destinations: Record<string, { objectKey: string }> }>;
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

function fail(message: string): never {
  console.error(`consumer assembly: ${message}`);
  process.exit(1);
}

function main(outdir: string, packageDir: string): void {
  const manifest = readJson<Manifest>(path.join(outdir, 'manifest.json'));
  const stacks = Object.entries(manifest.artifacts ?? {})
    .filter(([, artifact]) => artifact.type === 'aws:cloudformation:stack')
    .map(([name, artifact]) => ({ name, template: readJson<Template>(path.join(outdir, artifact.properties!.templateFile!)) }));
  if (stacks.length === 0) {
    fail(`no stack in ${outdir}`);
  }

  const counts = new Map<string, number>();
  const functionCodeKeys = new Set<string>();
  for (const { template } of stacks) {
    for (const resource of Object.values(template.Resources ?? {})) {
      counts.set(resource.Type, (counts.get(resource.Type) ?? 0) + 1);
      const s3Key = resource.Type === 'AWS::Lambda::Function' ? resource.Properties?.Code?.S3Key : undefined;
      if (typeof s3Key === 'string') {
        functionCodeKeys.add(s3Key);
      }
    }
  }
  const missingTypes = EXPECTED_RESOURCE_TYPES.filter(type => !counts.has(type));
  if (missingTypes.length > 0) {
    fail(`no ${missingTypes.join(', ')} in the templates of ${stacks.map(s => s.name).join(', ')}`);
  }

  // aws-cdk-lib before 2.276 left a grant's conditions out of the statement it adds to a resource policy: the channel's
  // statement for another account must still require the external ID the consumer app passes
  const channelStatements = stacks.flatMap(({ template }) => Object.values(template.Resources ?? {}))
    .filter(resource => resource.Type === 'AWS::CloudTrail::ResourcePolicy' && resource.Properties?.ResourceArn?.['Fn::GetAtt']?.[1] === 'ChannelArn')
    .flatMap(resource => resource.Properties!.ResourcePolicy.Statement as Array<{ Condition?: any }>);
  if (channelStatements.length === 0 || channelStatements.some(statement => statement.Condition?.StringEquals?.['cloudtrail:ExternalId'] !== CHANNEL_EXTERNAL_ID)) {
    fail(`a channel's resource policy lets another account send events without the external ID ${CHANNEL_EXTERNAL_ID}: ${JSON.stringify(channelStatements)}`);
  }

  // the staged asset directories (asset.<hash>[.ext]) with the object keys they are published to
  const objectKeys = new Map<string, string[]>();
  for (const file of fs.readdirSync(outdir).filter(entry => entry.endsWith('.assets.json'))) {
    const assets = readJson<AssetManifest>(path.join(outdir, file));
    for (const asset of Object.values(assets.files ?? {})) {
      if (asset.source.path) {
        const keys = Object.values(asset.destinations).map(destination => destination.objectKey);
        objectKeys.set(asset.source.path, [...(objectKeys.get(asset.source.path) ?? []), ...keys]);
      }
    }
  }
  const assetDirs = [...objectKeys.keys()].filter(dir => fs.existsSync(path.join(outdir, dir)) && fs.statSync(path.join(outdir, dir)).isDirectory());
  const bundlesDir = path.join(packageDir, 'assets');
  const bundles = fs.readdirSync(bundlesDir, { recursive: true, encoding: 'utf8' })
    .filter(file => path.basename(file) === 'index.js')
    .sort();
  if (bundles.length === 0) {
    fail(`the installed package has no handler bundle in ${bundlesDir}`);
  }
  for (const bundle of bundles) {
    const code = fs.readFileSync(path.join(bundlesDir, bundle));
    const asset = assetDirs.find(dir => {
      const index = path.join(outdir, dir, 'index.js');
      return fs.existsSync(index) && fs.readFileSync(index).equals(code);
    });
    if (!asset) {
      fail(`assets/${bundle} of the package is not a code asset of the assembly`);
    }
    if (!objectKeys.get(asset)!.some(key => functionCodeKeys.has(key))) {
      fail(`no Lambda function of the templates uses ${asset} (assets/${bundle})`);
    }
    console.log(`  assets/${bundle} -> ${asset}/index.js (${code.length} bytes), used by a function`);
  }
  // construct annotations: in the manifest, or (newer aws-cdk-lib) in <stack>.metadata.json
  const metadata = Object.values(manifest.artifacts ?? {}).flatMap(artifact => [
    artifact.metadata ?? {},
    artifact.additionalMetadataFile ? readJson<Metadata>(path.join(outdir, artifact.additionalMetadataFile)) : {},
  ]);
  const warnings = metadata.flatMap(entries => Object.entries(entries)).flatMap(([construct, entries]) => entries
    .filter(entry => entry.type === 'aws:cdk:warning')
    .map(entry => `${construct}: ${String(entry.data).split('\n')[0]}`));
  console.log(`  ${warnings.length} synth warning${warnings.length === 1 ? '' : 's'}${warnings.map(warning => `\n    ${warning}`).join('')}`);
  console.log(`  ${stacks.length} stacks: ${EXPECTED_RESOURCE_TYPES.map(type => `${type} x${counts.get(type)}`).join(', ')}`);
}

const [outdirArg, packageArg] = process.argv.slice(2);
if (!outdirArg || !packageArg) {
  fail('usage: assert-assembly.ts <cdk.out> <installed package directory>');
}
main(path.resolve(outdirArg), path.resolve(packageArg));
