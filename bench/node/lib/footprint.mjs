// The `node-footprint` case: what the SDK costs a Node process besides time per request. Three metrics,
// each a group of rows with its own unit (lower is better): the time `require` takes in a fresh
// process, the RSS growth between 10k and 100k requests, and the size of the native addon on disk.
// undici (the plain HTTP client) is measured alongside as a reference point.

import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { SDK_DIR } from './expected.mjs';
import { SDK, UNDICI } from './contenders.mjs';

const NODE_DIR = fileURLToPath(new URL('..', import.meta.url));
const RSS_CHILD = fileURLToPath(new URL('./rss-child.mjs', import.meta.url));
const MiB = 1024 * 1024;
export const RSS_METRIC = 'RSS growth, 10k to 100k requests';

export function footprintPlan(smoke) {
  return smoke
    ? { requireRounds: 1, first: 200, total: 1000, concurrency: 16 }
    : { requireRounds: 7, first: 10_000, total: 100_000, concurrency: 64 };
}

export async function footprintCase(server, smoke) {
  const plan = footprintPlan(smoke);
  const rows = [...requireTimes(plan.requireRounds), ...rssGrowth(server, plan), addonSize()];
  const rssLabel = smoke ? `RSS growth, ${plan.first} to ${plan.total} requests (smoke)` : RSS_METRIC;
  for (const row of rows) if (row.metric === RSS_METRIC) row.metric = rssLabel;
  return {
    case: 'node-footprint',
    title: 'Node footprint: require time, RSS growth, addon size',
    unit: 'mixed', // each row carries its own
    higher_is_better: false,
    sdk: SDK,
    rows,
    targets: [{ contender: SDK, metric: rssLabel, at_most: 10, unit: 'MB' }],
    notes:
      `require: fresh node process each round, ${plan.requireRounds} round(s), alternating; RSS: one fresh ` +
      `\`node --expose-gc\` per contender, ${plan.concurrency} in flight, measured after gc(); addon ` +
      `${smoke ? 'of the debug build (smoke)' : 'as built for this run'}`,
  };
}

/** Milliseconds `require` takes in a fresh process: the SDK (its JS and the addon) and undici. */
function requireTimes(rounds) {
  const script =
    'const t0 = process.hrtime.bigint(); require(process.argv[1]); ' +
    'process.stdout.write(String(Number(process.hrtime.bigint() - t0) / 1e6));';
  const targets = [
    { contender: SDK, module: SDK_DIR },
    { contender: 'undici', module: 'undici' },
  ];
  const rows = targets.map(({ contender }) => row('require time', 'ms', contender, null));
  for (const r of rows) r.correct = true;
  for (let r = 0; r < rounds; r++) {
    for (const [i, target] of targets.entries()) {
      // cwd: bench/node, where `undici` resolves.
      const options = { cwd: NODE_DIR, encoding: 'utf8', timeout: 30_000 };
      const child = spawnSync(process.execPath, ['-e', script, target.module], options);
      const ms = Number(child.stdout);
      if (child.status !== 0 || !Number.isFinite(ms)) {
        console.error(`require ${target.module} failed: ${child.stderr}`);
        rows[i].correct = false;
        continue;
      }
      rows[i].samples.push(ms);
    }
  }
  return rows;
}

function rssGrowth(server, plan) {
  return [SDK, UNDICI].map((contender) => {
    const result = row(RSS_METRIC, 'MB', contender, plan.concurrency);
    const args = ['--expose-gc', RSS_CHILD, '--server', server, '--contender', contender];
    args.push('--first', String(plan.first), '--total', String(plan.total), '--concurrency', String(plan.concurrency));
    const child = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 300_000 });
    try {
      const { first, total, correct } = JSON.parse(child.stdout);
      result.samples.push((total - first) / MiB);
      result.correct = correct;
    } catch {
      console.error(`the RSS run of ${contender} failed (status ${child.status}): ${child.stderr}`);
    }
    return result;
  });
}

/** The size of the addon that `require` loads (the loader's own choice of file). */
function addonSize() {
  const { platformTag } = createRequire(import.meta.url)(join(SDK_DIR, 'lib', 'platform.js'));
  const present = readdirSync(SDK_DIR);
  const candidates = [`hamsa.${platformTag()}.node`, 'hamsa.node'].filter((file) => present.includes(file));
  const result = row('.node size', 'MB', candidates[0] ?? SDK, null);
  if (candidates.length > 0) {
    result.samples.push(statSync(join(SDK_DIR, candidates[0])).size / MiB);
    result.correct = true;
  }
  return result;
}

/** An empty row of a metric; `correct` turns true once it has a right sample. */
function row(metric, unit, contender, concurrency) {
  return { metric, unit, contender, concurrency, samples: [], correct: false };
}
