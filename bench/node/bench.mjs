// `node bench/node/bench.mjs --server URL --out DIR [--smoke] [--case node|node-footprint]`: the Node
// side of the benchmark harness (bench/CONTRACT.md). Without --case it runs both cases. Each writes
// DIR/<case>.json; the exit status is non-zero if any contender failed or answered wrongly.

import { parseArgs } from 'node:util';
import { FETCH, SDK, UNDICI, makeContenders } from './lib/contenders.mjs';
import { footprintCase } from './lib/footprint.mjs';
import { allCorrect, printSummary, writeResult } from './lib/result.mjs';
import { measure } from './lib/rounds.mjs';

const CONCURRENCIES = [1, 16, 64, 256];

function ratePlan(smoke) {
  return smoke
    ? { requests: 60, concurrencies: [1, 16], rounds: 2, budgetMs: 10_000, roundLimitMs: 20_000 }
    : { requests: 5000, concurrencies: CONCURRENCIES, rounds: 9, budgetMs: 180_000, roundLimitMs: 30_000 };
}

async function nodeCase(server, smoke) {
  const plan = ratePlan(smoke);
  const rows = await measure(plan, makeContenders(server, [SDK, FETCH, UNDICI]));
  return {
    case: 'node',
    title: `Node, ${plan.requests.toLocaleString('en-US')} requests (phoneNumbers.get)`,
    unit: 'req/s',
    higher_is_better: true,
    sdk: SDK,
    rows,
    targets: CONCURRENCIES.flatMap((concurrency) => [
      { vs: FETCH, concurrency, at_least: 1.5 },
      { vs: UNDICI, concurrency, at_least: 0.9 },
    ]),
    notes:
      `Node ${process.version} (its fetch: undici ${process.versions.undici}); npm undici from ` +
      `bench/node/package-lock.json with its own Agent; every contender decodes the JSON; up to ` +
      `${plan.rounds} rounds, contenders alternating`,
  };
}

const { values } = parseArgs({
  options: {
    server: { type: 'string' },
    out: { type: 'string' },
    smoke: { type: 'boolean', default: false },
    case: { type: 'string' },
  },
});
if (!values.server || !values.out) {
  console.error('usage: node bench.mjs --server URL --out DIR [--smoke] [--case node|node-footprint]');
  process.exit(2);
}
const cases = { node: nodeCase, 'node-footprint': footprintCase };
const chosen = values.case ? [values.case] : Object.keys(cases);
let failed = false;
for (const name of chosen) {
  if (!cases[name]) {
    console.error(`unknown case ${name}; expected one of ${Object.keys(cases).join(', ')}`);
    process.exit(2);
  }
  const result = await cases[name](values.server, values.smoke);
  printSummary(result);
  writeResult(values.out, result);
  if (!allCorrect(result)) {
    console.error(`${name}: some contender gave wrong answers or no samples`);
    failed = true;
  }
}
// Keep-alive sockets would hold the process open.
process.exit(failed ? 1 : 0);
