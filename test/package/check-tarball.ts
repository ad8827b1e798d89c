import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as zlib from 'zlib';
import { buildProblems, handlerBundles, libraryFiles, PACKAGE_METADATA_FILES, PackageProblem, REPO_ROOT, reportProblems } from './package-contents';

// Checks the npm package file by file: what `npm pack --dry-run` would pack from the working tree, or a
// tarball already made (`--tarball dist/js/cdk-cloudtrail-org@0.0.0.jsii.tgz`), must hold exactly
//   package.json, README.md, RULES.md, GATES.md, LICENSE, API.md, .jsii,
//   the lib/ files lib/index.js loads (with their .d.ts) and those lib/index.d.ts refers to,
//   a handler bundle for every src/**/*.lambda.ts, each used by lib/,
// and nothing else (no .ci/, tests, examples, rosetta fixtures, handler sources compiled into lib/ ...).
// Prints the file list and the packed and unpacked sizes.

interface PackedFile {
  readonly path: string;
  readonly size: number;
}

interface Tarball {
  readonly name: string;
  readonly packedSize: number;
  readonly files: PackedFile[];
}

/** What `npm pack --dry-run --json` reports (runs the prepack check too). */
function dryRun(): Tarball {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts=false'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  // lifecycle output may precede the JSON array
  const [pack] = JSON.parse(out.slice(out.indexOf('['))) as Array<{ filename: string; size: number; files: PackedFile[] }>;
  return { name: `${pack.filename} (npm pack --dry-run)`, packedSize: pack.size, files: pack.files.map(f => ({ path: f.path, size: f.size })) };
}

function octal(header: Buffer, start: number, length: number): number {
  const text = header.subarray(start, start + length).toString('latin1').replace(/\0.*$/s, '').trim();
  return text ? parseInt(text, 8) : 0;
}

function cString(header: Buffer, start: number, length: number): string {
  return header.subarray(start, start + length).toString('utf8').replace(/\0.*$/s, '');
}

/** The regular files of a .tgz, read with the ustar/pax rules npm's tar writer follows. */
function readTarball(file: string): Tarball {
  const compressed = fs.readFileSync(file);
  const tar = zlib.gunzipSync(compressed);
  const files: PackedFile[] = [];
  let offset = 0;
  let longName: string | undefined;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every(byte => byte === 0)) {
      break;
    }
    const size = octal(header, 124, 12);
    const type = String.fromCharCode(header[156] || 48);
    const body = tar.subarray(offset + 512, offset + 512 + size);
    const prefix = cString(header, 345, 155);
    const name = longName ?? (prefix ? `${prefix}/${cString(header, 0, 100)}` : cString(header, 0, 100));
    longName = undefined;
    if (type === 'x') {
      // pax extended header: "<length> path=<name>\n" records
      const pathRecord = /\d+ path=([^\n]*)\n/.exec(body.toString('utf8'));
      longName = pathRecord?.[1];
    } else if (type === 'L') {
      longName = body.toString('utf8').replace(/\0.*$/s, '');
    } else if (type === '0' || type === '\0') {
      files.push({ path: name.replace(/^package\//, ''), size });
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return { name: file, packedSize: compressed.length, files };
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

function main(args: string[]): number {
  const tarballArg = args.indexOf('--tarball');
  if (tarballArg >= 0 && !args[tarballArg + 1]) {
    console.error('usage: check-tarball.ts [--tarball <file.tgz>]');
    return 2;
  }
  const tarball = tarballArg >= 0 ? readTarball(args[tarballArg + 1]) : dryRun();

  const expected = new Set([...PACKAGE_METADATA_FILES, ...libraryFiles().lib, ...handlerBundles()]);
  const packed = new Set(tarball.files.map(file => file.path));
  const problems: PackageProblem[] = [...buildProblems()];
  for (const file of [...packed].sort()) {
    if (!expected.has(file)) {
      problems.push({ file, problem: 'is in the tarball but nothing a user loads needs it (exclude it in .projenrc.ts: project.npmignore)' });
    }
  }
  for (const file of [...expected].sort()) {
    if (!packed.has(file)) {
      problems.push({ file, problem: 'is missing from the tarball' });
    }
  }

  const unpackedSize = tarball.files.reduce((sum, file) => sum + file.size, 0);
  console.log(`${tarball.name}: ${tarball.files.length} files`);
  const groups = new Map<string, PackedFile[]>();
  for (const file of tarball.files) {
    const group = file.path.includes('/') ? `${file.path.split('/')[0]}/` : file.path;
    groups.set(group, [...(groups.get(group) ?? []), file]);
  }
  for (const [group, files] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const size = files.reduce((sum, file) => sum + file.size, 0);
    console.log(`  ${group.padEnd(14)} ${String(files.length).padStart(3)} file${files.length === 1 ? ' ' : 's'} ${kilobytes(size).padStart(10)}`);
  }
  for (const bundle of tarball.files.filter(file => file.path.startsWith('assets/'))) {
    console.log(`  ${bundle.path} ${kilobytes(bundle.size)}`);
  }
  console.log(`packed size: ${kilobytes(tarball.packedSize)}, unpacked size: ${kilobytes(unpackedSize)}`);

  if (problems.length > 0) {
    reportProblems(`${tarball.name}: ${problems.length} problem${problems.length === 1 ? '' : 's'}:`, problems);
    return 1;
  }
  console.log('tarball contents: as expected');
  return 0;
}

process.exitCode = main(process.argv.slice(2));
