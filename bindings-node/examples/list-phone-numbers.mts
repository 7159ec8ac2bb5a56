// Walk every phone number, page by page, without thinking about pages; then the pages themselves.
import { Hamsa } from 'hamsa';

const client = new Hamsa({ region: 'eu', maxRetries: 3 });

for await (const number of client.phoneNumbers.list({ take: 50 })) {
  console.log(number.id, number.number, number.type, number.voiceAgentId ?? '(unassigned)');
}

for await (const page of client.conversations.list({ perPage: 100, status: ['COMPLETED'] }).pages()) {
  console.log(`${page.items.length} calls of ${page.data.filtered ?? '?'}`);
}
