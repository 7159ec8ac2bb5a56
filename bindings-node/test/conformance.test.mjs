// Runs EVERY scenario of the conformance suite (tests/scenarios) through the public Node API against the
// suite's mock, one after the other (scenarios have timing expectations), and prints
// `conformance (node): N passed, M failed`. N + M must equal the number of scenario files. The runner only
// reports what it saw; the mock judges it with the suite's one judge (tests/src/verdict.rs).

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import { startMock, repoRoot } from './support/mock.mjs';
import { callSdk } from './support/call-sdk.mjs';

/** A scenario that takes longer than this is stuck, not slow. */
const SCENARIO_TIME_LIMIT_MS = 30_000;

const scenariosDir = path.join(repoRoot, 'tests', 'scenarios');
const files = readdirSync(scenariosDir, { recursive: true })
  .filter((file) => file.endsWith('.json'))
  .sort();

/** A HamsaError as the outcome report describes it (tests/README.md). */
function errorFacts(error) {
  return {
    code: error.code,
    status: error.status,
    message: error.message,
    messageKey: error.messageKey,
    requestId: error.requestId,
    attempts: error.attempts?.length,
    display: String(error),
    debug: inspect(error, { depth: 5 }),
  };
}

/** The outcome report's body: what the runner saw, and how long it took. */
function reportBody(outcome, elapsedMs) {
  if (outcome.stuck) return JSON.stringify({ failure: `stuck: no outcome after ${SCENARIO_TIME_LIMIT_MS} ms`, elapsedMs });
  if (outcome.thrown !== undefined) {
    return JSON.stringify({ failure: `the runner failed: ${outcome.thrown?.stack ?? outcome.thrown}`, elapsedMs });
  }
  if ('error' in outcome) return JSON.stringify({ error: errorFacts(outcome.error), elapsedMs });
  if (outcome.result === undefined) return JSON.stringify({ failure: 'the SDK returned undefined, not a JSON value', elapsedMs });
  try {
    return JSON.stringify({ result: outcome.result, elapsedMs });
  } catch (error) {
    return JSON.stringify({ failure: `the result is not JSON: ${error}`, elapsedMs });
  }
}

/** Runs one scenario and has the mock judge it: the reasons it failed, or nothing. */
async function runScenario(mock, file) {
  const text = readFileSync(path.join(scenariosDir, file), 'utf8');
  const scenario = JSON.parse(text);
  const { id, client } = await mock.start(text);
  const started = performance.now();
  let timer;
  const outcome = await Promise.race([
    callSdk(scenario, client).catch((thrown) => ({ thrown })),
    new Promise((resolve) => {
      timer = setTimeout(() => resolve({ stuck: true }), SCENARIO_TIME_LIMIT_MS);
    }),
  ]).finally(() => clearTimeout(timer));
  const elapsed = performance.now() - started;
  const verdict = await mock.outcome(id, reportBody(outcome, elapsed));
  return verdict.failures;
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
