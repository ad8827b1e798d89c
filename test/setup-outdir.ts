import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// Apps created without an outdir synthesize into CDK_OUTDIR: one temporary directory per test file, removed
// after it, instead of a new cdk.out* directory in the system's temporary directory for every synthesis.
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-cloudtrail-org-test-'));
process.env.CDK_OUTDIR = outdir;

afterAll(() => {
  fs.rmSync(outdir, { recursive: true, force: true });
});
