// Runs EVERY scenario of the conformance suite (tests/scenarios) through the public Node API against the
// suite's mock, one after the other (scenarios have timing expectations), and prints
// `conformance (node): N passed, M failed`. N + M must equal the number of scenario files.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startMock, repoRoot } from './support/mock.mjs';
import { judge } from './support/judge.mjs';
import { callSdk } from './support/call-sdk.mjs';

/** A scenario that takes longer than this is stuck, not slow. */
const SCENARIO_TIME_LIMIT_MS = 30_000;

const scenariosDir = path.join(repoRoot, 'tests', 'scenarios');
const files = readdirSync(scenariosDir, { recursive: true })
  .filter((file) => file.endsWith('.json'))
  .sort();

async function runScenario(mock, file) {
  const text = readFileSync(path.join(scenariosDir, file), 'utf8');
  const scenario = JSON.parse(text);
  const { id, client } = await mock.start(text);
  const started = performance.now();
  let timer;
  const outcome = await Promise.race([
    callSdk(scenario, client),
    new Promise((resolve) => {
      timer = setTimeout(() => resolve({ stuck: true }), SCENARIO_TIME_LIMIT_MS);
    }),
  ]).finally(() => clearTimeout(timer));
  const elapsed = performance.now() - started;
  const report = await mock.report(id);
  if (outcome.stuck) return [`no outcome after ${SCENARIO_TIME_LIMIT_MS} ms`];
  return judge(scenario, outcome, report, elapsed);
}

describe('conformance', () => {
  let mock;
  let passed = 0;
  let failed = 0;

  before(async () => {
    mock = await startMock();
  });

  after(async () => {
    await mock?.stop();
    // The closing line CI reads; printed even when some scenarios failed.
    console.log(`conformance (node): ${passed} passed, ${failed} failed`);
  });

  it('finds the scenario files', () => {
    assert.ok(files.length > 0, `no scenario under ${scenariosDir}`);
  });

  for (const file of files) {
    it(file, async () => {
      let problems;
      try {
        problems = await runScenario(mock, file);
      } catch (error) {
        problems = [`the runner failed: ${error?.stack ?? error}`];
      }
      if (problems.length === 0) passed++;
      else failed++;
      assert.deepEqual(problems, [], `${file}:\n  ${problems.join('\n  ')}`);
    });
  }

  it('ran every scenario', () => {
    assert.equal(passed + failed, files.length);
  });
});
