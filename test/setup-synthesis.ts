import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// Apps created without an outdir synthesize into CDK_OUTDIR: one temporary directory per test file, removed
// after it, instead of a new cdk.out* directory in the system's temporary directory for every synthesis.
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-cloudtrail-org-test-'));
process.env.CDK_OUTDIR = outdir;

// aws-cdk-lib runs its CloudFormation schema validation (a WebAssembly engine, about a quarter of a synthesis) on every
// synthesis unless CDK_VALIDATION is 'false'; unit tests leave it off, and `validatingApp` (test/util.ts) turns it on
// for its own synthesis, as the oracle of the schema, gate, integration, example and fuzz tests.
process.env.CDK_VALIDATION = 'false';

afterAll(() => {
  fs.rmSync(outdir, { recursive: true, force: true });
});
