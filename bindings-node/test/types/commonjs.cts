// Type test (CommonJS): `require` gives the same typed API.
import hamsa = require('hamsa');

const client = new hamsa.Hamsa({ apiKey: 'k' });
async function run(): Promise<string | undefined> {
  try {
    const job = await client.jobs.get({ jobId: 'j' });
    return job.status ?? undefined;
  } catch (error) {
    if (error instanceof hamsa.HamsaError) return error.code;
    throw error;
  }
}
// @ts-expect-error jobs.get needs its params
void client.jobs.get();
void run;
