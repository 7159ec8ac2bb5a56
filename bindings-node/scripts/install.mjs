#!/usr/bin/env node
// npm's `install` step. A tarball made by `npm pack` after `npm run build` carries the compiled addon,
// and then there is nothing to do. Installing from a checkout of the repository (the package folder
// without a built addon) builds it here with cargo, in release mode; that needs Rust.

import { existsSync, copyFileSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

if (readdirSync(packageDir).some((file) => file.startsWith('hamsa.') && file.endsWith('.node'))) process.exit(0);
if (process.env.HAMSA_SKIP_NATIVE_BUILD) process.exit(0);

const workspace = path.join(packageDir, '..');
if (!existsSync(path.join(workspace, 'core', 'Cargo.toml'))) {
  console.error('hamsa: no compiled addon in this package and no Rust sources to build one from.');
  console.error('Install a tarball made with `npm run build && npm pack` in bindings-node/ instead.');
  process.exit(1);
}
console.error('hamsa: building the native addon with cargo (release; a few minutes the first time)...');
const build = spawnSync('cargo', ['build', '--release', '-p', 'hamsa-node'], { cwd: workspace, stdio: 'inherit' });
if (build.error || build.status !== 0) {
  console.error(`hamsa: cargo build failed${build.error ? `: ${build.error.message}` : ''}. Rust and cargo are needed.`);
  process.exit(1);
}
const targetDir = process.env.CARGO_TARGET_DIR || path.join(workspace, 'target');
const library = { linux: 'libhamsa_node.so', darwin: 'libhamsa_node.dylib', win32: 'hamsa_node.dll' }[process.platform];
// The same name lib/native.js looks for first.
const { createRequire } = await import('node:module');
const tag = createRequire(import.meta.url)('../lib/platform.js').platformTag();
copyFileSync(path.join(targetDir, 'release', library), path.join(packageDir, `hamsa.${tag}.node`));
