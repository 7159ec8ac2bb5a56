// The result file every case writes, `<out>/<case>.json`, in the shape bench/CONTRACT.md fixes.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeResult(out, result) {
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, `${result.case}.json`), `${JSON.stringify(result, null, 2)}\n`);
}

/** One line per row for the console; the report is built from the file. */
export function printSummary(result) {
  for (const row of result.rows) {
    const sorted = [...row.samples].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    const what = row.metric ? `${row.metric}: ${row.contender}` : `${row.contender} @${row.concurrency}`;
    const unit = row.unit ?? result.unit;
    const digits = unit === 'req/s' ? 0 : 2;
    console.log(
      `${result.case}: ${what}: median ${median?.toFixed(digits)} ${unit} over ${row.samples.length} ` +
        `round(s) [${row.correct ? 'ok' : 'WRONG'}]`,
    );
  }
}

/** True when every row ran and every answer was right. */
export function allCorrect(result) {
  return result.rows.every((row) => row.correct && row.samples.length > 0);
}
