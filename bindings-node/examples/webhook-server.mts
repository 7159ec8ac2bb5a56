// Receive Hamsa's webhooks with node:http (Express: use express.raw({ type: '*/*' }) and pass req.body,
// a Buffer, the same way). Verify the Authorization header, then parse the raw body.
import http from 'node:http';
import { webhooks, WebhookVerificationError } from 'hamsa';

const auth = { authKey: 'Token', authSecret: process.env.HAMSA_WEBHOOK_SECRET ?? '' };
const seenCalls = new Set<string>();

http
  .createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        webhooks.verify({ authorization: req.headers.authorization, ...auth });
        const event = webhooks.parse({ body: Buffer.concat(chunks) });
        const key = `${event.callId}:${event.eventType}`;
        if (!seenCalls.has(key)) {
          seenCalls.add(key);
          console.log(event.eventType, event.callId, event.data);
        }
        res.writeHead(204).end();
      } catch (error) {
        res.writeHead(error instanceof WebhookVerificationError ? 401 : 400).end();
      }
    });
  })
  .listen(8080);
