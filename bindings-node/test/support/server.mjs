// A tiny local HTTP server for the Node-specific tests (the conformance mock serves scripted exchanges;
// these tests need a server that hangs, or answers fast many times, and that reports closed requests).

import http from 'node:http';

/** `handler(req, res)`; resolves to { url, requests, closed, close() }. `closed` counts requests whose
 * connection went away before an answer (what a cancelled request looks like from the server). */
export async function startServer(handler) {
  const state = { requests: 0, closed: 0 };
  const server = http.createServer((req, res) => {
    state.requests++;
    res.on('close', () => {
      if (!res.writableFinished) state.closed++;
    });
    handler(req, res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    get closed() {
      return state.closed;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Answers every request with a Hamsa envelope around `data`. */
export const answer = (data) => (req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ success: true, message: 'success', data }));
};

/** Never answers. */
export const hang = () => () => {};

export const job = (id, status = 'PENDING') => ({ id, status, title: 'Outbound call' });
