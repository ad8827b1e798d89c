import * as fs from 'fs';
import * as path from 'path';
import { CfnResource, Stack } from 'aws-cdk-lib';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { testApp, validatingApp } from './util';

// The test setup turns aws-cdk-lib's CloudFormation schema validation off for speed; validatingApp keeps it as the
// oracle. Both halves are checked on a template the schema rejects (a bucket whose name is a number).

function bucketNamedByNumber(app: ReturnType<typeof testApp>): () => CloudAssembly {
  new CfnResource(new Stack(app, 'Stack'), 'Bucket', { type: 'AWS::S3::Bucket', properties: { BucketName: 42, Unknown: true } });
  return () => app.synth();
}

test('an app of the unit tests skips the schema validation: no report, not even of warnings', () => {
  const assembly = bucketNamedByNumber(testApp())();
  expect(fs.existsSync(path.join(assembly.directory, 'validation-report.json'))).toBe(false);
});

test('validatingApp fails synthesis on what the schema rejects, and leaves the setting of other apps as it was', () => {
  expect(bucketNamedByNumber(validatingApp())).toThrow(/CloudFormation Validate/);
  expect(process.env.CDK_VALIDATION).toBe('false');
});
