// The tarball `npm pack` makes holds what a user needs (and no sources or tests), and installs and loads
// in an empty project with no network: the package has no runtime dependencies.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

test('npm pack includes the entry points, the types, the JS layer and the addon', () => {
  const [report] = JSON.parse(execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: packageDir, encoding: 'utf8' }));
  const files = report.files.map((file) => file.path);
  for (const needed of ['index.js', 'index.mjs', 'index.d.ts', 'lib/client.js', 'lib/generated/operations.js', 'package.json']) {
    assert.ok(files.includes(needed), `${needed} is packed`);
  }
  assert.ok(files.some((file) => /^hamsa\..+\.node$/.test(file)), 'the addon is packed');
  assert.ok(!files.some((file) => /^(src|test|scripts\/generate)/.test(file)), `no sources or tests: ${files}`);
});

test('the tarball installs and loads from CommonJS and ESM in an empty project', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'hamsa-pack-'));
  try {
    const [report] = JSON.parse(execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: packageDir, encoding: 'utf8' }));
    const app = path.join(work, 'app');
    execFileSync('mkdir', [app]);
    writeFileSync(path.join(app, 'package.json'), '{"name": "app", "version": "1.0.0", "private": true}');
    execFileSync(npm, ['install', '--offline', '--no-audit', '--no-fund', path.join(work, report.filename)], { cwd: app, stdio: 'pipe' });
    const cjs = execFileSync(process.execPath, ['-e', "const h = require('hamsa'); new h.Hamsa({ apiKey: 'k' }); console.log(h.VERSION)"], { cwd: app, encoding: 'utf8' });
    const esm = execFileSync(process.execPath, ['--input-type=module', '-e', "import { Hamsa, HamsaError } from 'hamsa'; try { new Hamsa({ apiKey: '' }) } catch (e) { console.log(e instanceof HamsaError, e.code) }"], { cwd: app, encoding: 'utf8' });
    assert.match(cjs.trim(), /^\d+\.\d+\.\d+/);
    assert.equal(esm.trim(), 'true configuration');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
