// Starts the suite's `conformance-mock` process and talks to its control API (tests/README.md).

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** HAMSA_CONFORMANCE_MOCK, else the debug build under CARGO_TARGET_DIR (or the workspace's target/). */
export function mockBinary() {
  if (process.env.HAMSA_CONFORMANCE_MOCK) return process.env.HAMSA_CONFORMANCE_MOCK;
  const targetDir = process.env.CARGO_TARGET_DIR || path.join(repoRoot, 'target');
  return path.join(targetDir, 'debug', 'conformance-mock');
}

export async function startMock() {
  const binary = mockBinary();
  if (!existsSync(binary)) {
    throw new Error(`${binary} not found: build it with \`cargo build -p hamsa-conformance --bin conformance-mock\``);
  }
  const child = spawn(binary, [], { stdio: ['ignore', 'pipe', 'inherit'] });
  const firstLine = await new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve(line));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`conformance-mock exited (${code}) before it listened`)));
  });
  const match = /^listening on (http:\/\/\S+)$/.exec(firstLine);
  if (!match) throw new Error(`unexpected first line from conformance-mock: ${firstLine}`);
  const url = match[1];

  async function control(method, route, body) {
    const response = await fetch(`${url}${route}`, { method, body, headers: { 'content-type': 'application/json' } });
    const json = await response.json();
    if (!response.ok) throw new Error(`conformance-mock ${method} ${route}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  }

  return {
    /** Starts a scenario's mock: { id, baseUrl, client }. */
    start: (scenarioText) => control('POST', '/scenarios', scenarioText),
    /** Stops it and has the mock judge `report` (the outcome report's JSON text): { passed, failures, requests }. */
    outcome: (id, report) => control('POST', `/scenarios/${id}/outcome`, report),
    async stop() {
      try {
        await control('POST', '/shutdown');
      } catch {
        child.kill();
      }
    },
  };
}
