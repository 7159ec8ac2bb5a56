// Judges one scenario run like the suite's Rust judge (tests/src/verdict.rs, matcher.rs): the mock's
// report, the request count, the time taken, and the SDK's outcome against `expect`.

import { inspect } from 'node:util';

/** The first difference between `expected` and `actual` as a subset match, or null. */
export function subsetDiff(expected, actual, at = '$') {
  if (actual === undefined) return expected === null ? null : `${at}: missing, expected ${short(expected)}`;
  if (expected === null) return actual === null ? null : `${at}: expected null, got ${short(actual)}`;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${at}: expected an array, got ${short(actual)}`;
    if (expected.length !== actual.length) return `${at}: expected ${expected.length} items, got ${actual.length}`;
    for (let i = 0; i < expected.length; i++) {
      const problem = subsetDiff(expected[i], actual[i], `${at}[${i}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
      return `${at}: expected an object, got ${short(actual)}`;
    }
    for (const [key, value] of Object.entries(expected)) {
      const problem = subsetDiff(value, actual[key], `${at}.${key}`);
      if (problem) return problem;
    }
    return null;
  }
  return expected === actual ? null : `${at}: expected ${short(expected)}, got ${short(actual)}`;
}

const short = (value) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
};

function requestCount(expect, count) {
  const least = expect.requests ?? expect.requestsAtLeast ?? 0;
  const most = expect.requests ?? expect.requestsAtMost;
  if (expect.requests === undefined && expect.requestsAtLeast === undefined && expect.requestsAtMost === undefined) {
    return ['the scenario gives no request count'];
  }
  if (count < least || (most !== undefined && count > most)) {
    const wanted = most === least ? `${least}` : most === undefined ? `at least ${least}` : `${least} to ${most}`;
    return [`the mock received ${count} requests, expected ${wanted}`];
  }
  return [];
}

function errorMismatches(want, error) {
  const problems = [];
  const got = {
    code: error.code,
    status: error.status,
    message: error.message,
    messageKey: error.messageKey,
    requestId: error.requestId,
    attempts: error.attempts?.length,
  };
  if (want.code !== got.code) problems.push(`error code: expected ${want.code}, got ${got.code} (${error})`);
  if ('status' in want && want.status !== got.status) problems.push(`error status: expected ${want.status}, got ${got.status}`);
  if (want.message !== undefined && want.message !== got.message) {
    problems.push(`error message: expected ${JSON.stringify(want.message)}, got ${JSON.stringify(got.message)}`);
  }
  if (want.messageContains !== undefined && !String(got.message).includes(want.messageContains)) {
    problems.push(`error message: expected it to contain ${JSON.stringify(want.messageContains)}, got ${JSON.stringify(got.message)}`);
  }
  for (const field of ['messageKey', 'requestId', 'attempts']) {
    if (want[field] !== undefined && want[field] !== got[field]) {
      problems.push(`error ${field}: expected ${JSON.stringify(want[field])}, got ${JSON.stringify(got[field])}`);
    }
  }
  return problems;
}

/** A secret must not reach anything a user might log: the message, String(error), util.inspect(error). */
function leakedSecrets(secrets = [], error) {
  const places = { message: error.message, String: String(error), inspect: inspect(error, { depth: 5 }) };
  return secrets.flatMap((secret) =>
    Object.entries(places)
      .filter(([, text]) => text.includes(secret))
      .map(([place]) => `the secret ${JSON.stringify(secret)} appears in the error's ${place}`),
  );
}

/** Every reason the run failed; empty when it passed. `outcome`: { result } or { error }. */
export function judge(scenario, outcome, report, elapsedMs) {
  const failures = report.failures.map((failure) => `mock: ${failure}`);
  const { expect } = scenario;
  failures.push(...requestCount(expect, report.requests));
  if (expect.maxElapsedMs !== undefined && elapsedMs > expect.maxElapsedMs) {
    failures.push(`took ${Math.round(elapsedMs)} ms, expected at most ${expect.maxElapsedMs} ms`);
  }
  if ('result' in expect) {
    if ('error' in outcome) failures.push(`expected a result, got error ${outcome.error?.code}: ${outcome.error}`);
    else {
      const problem = subsetDiff(expect.result, outcome.result);
      if (problem) failures.push(`result: ${problem}`);
    }
  } else if ('error' in expect) {
    if ('error' in outcome) {
      failures.push(...errorMismatches(expect.error, outcome.error));
      failures.push(...leakedSecrets(expect.secretsAbsent, outcome.error));
    } else failures.push(`expected error ${expect.error.code}, got result ${short(outcome.result)}`);
  } else failures.push('`expect` has neither `result` nor `error`');
  return failures;
}
