// How a request-rate case is measured, for every contender alike (the same procedure as
// bench/rust/src/rounds.rs): at each concurrency a warm-up, then rounds in which the contenders take
// turns (A, B, C, A, B, C, ...), so that drift in the machine's speed touches them all. Bounded in count
// (requests per round, rounds) and in time (per round and per case).

/** @returns {Promise<Array<{contender, concurrency, samples: number[], correct: boolean}>>} */
export async function measure(plan, contenders) {
  const started = performance.now();
  const rows = [];
  for (const concurrency of plan.concurrencies) {
    const series = contenders.map((c) => ({ contender: c.name, concurrency, samples: [], correct: true }));
    // Warm-up: opens the connections this concurrency needs and lets V8 optimise the hot paths.
    const warmUp = Math.min(plan.requests, 200 + 2 * concurrency);
    for (const [i, contender] of contenders.entries()) {
      const result = await round(contender, warmUp, concurrency, plan.roundLimitMs);
      series[i].correct &&= result !== null && result.correct;
    }
    for (let r = 0; r < plan.rounds; r++) {
      if (r > 0 && performance.now() - started > plan.budgetMs) break;
      for (const [i, contender] of contenders.entries()) {
        const result = await round(contender, plan.requests, concurrency, plan.roundLimitMs);
        if (result === null) {
          series[i].correct = false;
          continue;
        }
        series[i].samples.push(result.rate);
        series[i].correct &&= result.correct;
      }
    }
    rows.push(...series);
  }
  return rows;
}

/** `requests` requests with `concurrency` in flight; null if it takes longer than `limitMs`. */
export async function round(contender, requests, concurrency, limitMs) {
  let next = 0;
  let stop = false;
  const worker = async () => {
    let correct = true;
    while (!stop && next++ < requests) correct = (await contender.one()) && correct;
    return correct;
  };
  const started = performance.now();
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve(null), limitMs);
  });
  const all = Promise.all(Array.from({ length: concurrency }, worker)).then((oks) => oks.every(Boolean));
  const correct = await Promise.race([all, timeout]);
  clearTimeout(timer);
  stop = true;
  if (correct === null) return null;
  return { rate: requests / ((performance.now() - started) / 1000), correct };
}
