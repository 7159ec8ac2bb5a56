// The main job, end to end, in Node: create a web tool and a v2 voice agent that greets with `{{name}}` and
// uses the tool, register a Twilio number and assign it to the agent, place an outbound call with the agent
// and `params: {name: 'Sara'}` and a webhook, receive and verify the webhook events, wait for the
// conversation to end, print transcript and outcome, then the agent's analytics.
//
// Run it against `hamsa mock` (what the tests do):
//   hamsa mock --port 8080 &
//   HAMSA_API_KEY=mock-key HAMSA_BASE_URL=http://127.0.0.1:8080 node examples/node/quickstart.mjs
// Against the real API, set HAMSA_API_KEY, HAMSA_TOOL_URL to the tool's public https URL, and
// HAMSA_WEBHOOK_URL to a public https URL that reaches you.
import { createServer } from 'node:http';
import { once } from 'node:events';
import { Hamsa, HamsaError, webhooks } from 'hamsa';

const WEBHOOK_SECRET = 'quickstart-webhook-secret';
const env = (name, fallback) => process.env[name] || fallback;

/** A loopback server that verifies each webhook's Authorization header and hands over the parsed event. */
async function startWebhookReceiver(onEvent) {
  const server = createServer(async (request, response) => {
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    try {
      webhooks.verify({ authorization: request.headers.authorization, authKey: 'Token', authSecret: WEBHOOK_SECRET });
      onEvent(webhooks.parse({ body: Buffer.concat(chunks) }));
      response.writeHead(200).end();
    } catch (error) {
      response.writeHead(error instanceof HamsaError ? 401 : 500).end();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  server.unref();
  return `http://127.0.0.1:${server.address().port}/hamsa-webhook`;
}

const client = new Hamsa(); // HAMSA_API_KEY and HAMSA_BASE_URL from the environment

// A web tool the agent can call. The mock only calls loopback tool servers; Hamsa needs public https.
const tool = await client.webTools.create({
  name: 'book_appointment',
  description: 'Books an appointment on the day the caller asks for.',
  params: {
    type: 'object',
    properties: { day: { type: 'string', description: 'The day of the appointment' } },
    required: ['day'],
  },
  toolSettings: {
    serverUrl: env('HAMSA_TOOL_URL', 'http://127.0.0.1:8787/book-appointment'),
    methodType: 'POST',
    timeOut: 5,
  },
});
console.log(`Created web tool ${tool.name} (${tool.id} v${tool.version})`);

// A v2 voice agent: a greeting with a {{name}} placeholder (and its default), and the tool.
const agent = await client.voiceAgents.create({
  name: 'Quickstart Agent',
  conversation: {
    greetingMessage: 'Hello {{name}}, this is Hamsa. How can I help you today?',
    params: { name: 'there' },
  },
  voice: { lang: 'en' },
  tools: [{ toolId: tool.id, persistentId: tool.persistentId, version: tool.version, toolType: 'FUNCTION' }],
});
console.log(`Created voice agent ${agent.name} (${agent.id})`);

const number = await client.phoneNumbers.addTwilio({
  phoneNumber: env('HAMSA_TWILIO_NUMBER', '+9700000000'),
  label: 'Support Line',
  twilioNumberSid: env('HAMSA_TWILIO_NUMBER_SID', 'PNXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX'),
  twilioAccountSid: env('HAMSA_TWILIO_ACCOUNT_SID', 'ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX'),
  twilioAuthToken: env('HAMSA_TWILIO_AUTH_TOKEN', 'your_twilio_auth_token'),
});
console.log(`Registered ${number.number} (${number.id})`);
const assigned = await client.phoneNumbers.assign({ voiceAgentId: agent.id, phoneNumber: number.number });
console.log(`Assigned ${assigned.number} to agent ${assigned.voiceAgentId}`);

let ended;
const endedEvent = new Promise((resolve) => {
  ended = resolve;
});
const webhookUrl =
  process.env.HAMSA_WEBHOOK_URL ||
  (await startWebhookReceiver((event) => {
    console.log(`  webhook ${event.eventType.padEnd(22)} verified`);
    if (event.eventType === 'call.ended') ended(event.data.data);
  }));

// Placing a call is never retried once it may have reached Hamsa: a timeout or a 5xx rejects with
// OutcomeUnknownError instead of calling the person twice.
const job = await client.calls.createTwilio({
  toNumber: env('HAMSA_TO_NUMBER', '+966500000001'),
  twilioPhoneNumber: number.number,
  voiceAgentId: agent.id,
  params: { name: 'Sara' },
  webhookUrl,
  webhookAuth: { authKey: 'Token', authSecret: WEBHOOK_SECRET },
});
console.log(`Call placed: job ${job.id} is ${job.status}`);

const conversation = await client.conversations.wait({ conversationId: job.id, pollIntervalMs: 250 });
console.log(`Conversation ${conversation.id} ended: ${conversation.status}`);

if (!process.env.HAMSA_WEBHOOK_URL) {
  const data = await Promise.race([endedEvent, new Promise((resolve) => setTimeout(resolve, 5000, null))]);
  if (data) {
    console.log('Transcript:');
    for (const line of data.transcription) {
      for (const [speaker, text] of Object.entries(line)) console.log(`  ${speaker.padStart(5)}: ${text}`);
    }
    console.log(`Outcome: ${JSON.stringify(data.outcomeResult)}`);
  }
}

const overview = await client.analytics.overview({ voiceAgentId: agent.id, period: 'TODAY' });
console.log(
  `Analytics of agent ${agent.id}: ${overview.totalSessionsNumber} sessions today, ` +
    `average duration ${(overview.averageSessionDuration ?? 0).toFixed(1)} s`,
);
