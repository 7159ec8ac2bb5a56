// Run by footprint.mjs in a fresh `node --expose-gc`: sends `--first` requests through one contender,
// measures the RSS after a full GC, sends more up to `--total`, measures again, and prints
// {"first": bytes, "total": bytes, "correct": bool}. A steady client's RSS stops growing once its pools
// and caches are warm; growth between the two points is what a long-running service would see.

import { parseArgs } from 'node:util';
import { makeContenders } from './contenders.mjs';
import { round } from './rounds.mjs';

const { values } = parseArgs({
  options: {
    server: { type: 'string' },
    contender: { type: 'string' },
    first: { type: 'string' },
    total: { type: 'string' },
    concurrency: { type: 'string', default: '64' },
  },
});
const [contender] = makeContenders(values.server, [values.contender]);
const concurrency = Number(values.concurrency);
const first = Number(values.first);
const total = Number(values.total);
const limitMs = 120_000;

async function settledRss() {
  // Two collections with a turn of the event loop between them, so that finalizers (native handles
  // freed when their JavaScript wrappers die) have run before the measurement.
  globalThis.gc();
  await new Promise((resolve) => setTimeout(resolve, 100));
  globalThis.gc();
  return process.memoryUsage.rss();
}

const a = await round(contender, first, concurrency, limitMs);
const rssFirst = await settledRss();
const b = await round(contender, total - first, concurrency, limitMs);
const rssTotal = await settledRss();
const correct = a !== null && b !== null && a.correct && b.correct;
process.stdout.write(JSON.stringify({ first: rssFirst, total: rssTotal, correct }));
process.exit(0); // keep-alive sockets would otherwise hold the process open
