// Place an outbound call through a Twilio number and wait for the conversation to end.
//   HAMSA_API_KEY=... node examples/create-call.mts   (or compile with tsc; plain .mjs works the same)
import { Hamsa, OutcomeUnknownError, HamsaError } from 'hamsa';

const client = new Hamsa(); // HAMSA_API_KEY from the environment
const controller = new AbortController();

try {
  const job = await client.calls.createTwilio(
    {
      toNumber: '+966500000001',
      twilioPhoneNumber: '+1234567890',
      voiceAgentId: 'your-agent-id',
      params: { name: 'Sara' },
      webhookUrl: 'https://example.com/hook',
      webhookAuth: { authKey: 'Token', authSecret: 'a-long-random-secret' },
    },
    { timeout: 10_000, signal: controller.signal },
  );
  console.log(job.id, job.status, job.callParams?.userNumber);

  const conversation = await client.conversations.wait({ conversationId: job.id, timeoutMs: 15 * 60_000 });
  console.log(conversation.status, conversation.callDuration);
} catch (error) {
  if (error instanceof OutcomeUnknownError) {
    // The call may or may not have been placed: check before trying again, never retry blindly.
    console.error('outcome unknown:', error.message, error.causeCode);
  } else if (error instanceof HamsaError) {
    console.error(error.code, error.status, error.message, error.requestId);
  } else {
    throw error;
  }
}
