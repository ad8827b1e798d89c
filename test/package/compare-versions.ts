import { compareAssemblies, readAssembly } from '../../examples/languages/compare-templates';

// Compares the cloud assemblies the consumer app synthesized at two aws-cdk-lib versions of the supported range (the
// dev version and the floor): the library must make the same templates at both. What aws-cdk-lib and constructs
// themselves change between versions is left out. A difference elsewhere is a behaviour of aws-cdk-lib the library
// relies on and an older version lacks (aws-cdk-lib before 2.276 dropped a grant's conditions from the resource policy
// statement, which let any caller of another account use a channel without its external ID).
//
//   ts-node test/package/compare-versions.ts <dev cdk.out> <floor cdk.out>

/**
 * Template paths whose value is aws-cdk-lib's or constructs' choice, not the library's: the DependsOn entries a role's
 * policy adds (constructs 10.7 and later drop the redundant ones), and the Node.js runtime of aws-cdk-lib's own
 * custom resource provider framework functions (the newest one each version knows).
 */
export function isVersionChoice(templatePath: string): boolean {
  return /\.DependsOn(\[\d+\])?$/.test(templatePath)
    || /^Resources\.\w*Providerframework\w+\.Properties\.Runtime$/.test(templatePath);
}

function main(args: string[]): number {
  const [devDir, floorDir] = args;
  if (!devDir || !floorDir) {
    console.error('usage: compare-versions.ts <dev cdk.out> <floor cdk.out>');
    return 2;
  }
  const lines = compareAssemblies(readAssembly(devDir), readAssembly(floorDir), { reference: 'dev', other: 'floor' }, isVersionChoice);
  if (lines.length > 0) {
    console.log('the library makes other templates at the floor version than at the dev version:');
    lines.forEach(line => console.log(`  ${line}`));
    return 1;
  }
  console.log('  dev and floor: the same templates and warnings, but for what aws-cdk-lib and constructs choose themselves');
  return 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
