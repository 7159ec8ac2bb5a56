'use strict';
// Loads the compiled addon. `napi build --platform` names it after the platform
// (hamsa.linux-x64-gnu.node); a plain hamsa.node (a hand-copied build) is accepted too. The error names
// the files it looked for, because "Cannot find module" alone does not tell a user to build the addon.

const { existsSync } = require('node:fs');
const path = require('node:path');
const { platformTag } = require('./platform.js');

function load() {
  const root = path.join(__dirname, '..');
  const candidates = [`hamsa.${platformTag()}.node`, 'hamsa.node'].map((name) => path.join(root, name));
  const found = candidates.find((file) => existsSync(file));
  if (!found) {
    throw new Error(
      `hamsa: the native addon is missing (looked for ${candidates.join(', ')}). ` +
        'Build it with `npm run build` in the package folder (needs Rust and cargo), see README.md.',
    );
  }
  return require(found);
}

module.exports = load();
