// The hand-written part of index.d.ts: the shapes of the client, its options, pages and the error root.
// They mirror lib/*.js; the catalog-driven parts are filled in by render-types.mjs.

export function clientTemplate({ namespaces, errorCodes }) {
  return `/** Options of \`new Hamsa(options)\`. Durations are in milliseconds. */
export interface ClientOptions {
  /** Default: the HAMSA_API_KEY environment variable, read when the client is made. */
  apiKey?: string;
  /** Default: HAMSA_BASE_URL, else the region's URL. Plain http only to a loopback host. */
  baseUrl?: string;
  /** 'eu' (https://api.tryhamsa.com, the default) or 'uae'. */
  region?: 'eu' | 'uae';
  /** The word before the key in the Authorization header. Default 'Token'. */
  authScheme?: 'Token' | 'Bearer';
  /** Per attempt. Default 60000. */
  timeout?: number;
  /** Default 10000. */
  connectTimeout?: number;
  /** Across every attempt and the waits between them. Default 180000. */
  deadline?: number;
  /** Default 2. Operations that place calls or start billed jobs are never repeated once they may have reached the server. */
  maxRetries?: number;
  /** The first backoff delay. Default 500. */
  retryInitialDelay?: number;
  /** The longest backoff delay. Default 8000. */
  retryMaxDelay?: number;
  /** Sent with every request. */
  defaultHeaders?: Record<string, string>;
}

/** Per-request options, the last argument of every method. Durations are in milliseconds. */
export interface RequestOptions {
  /** Per attempt. */
  timeout?: number;
  /** Across every attempt. */
  deadline?: number;
  maxRetries?: number;
  /** Extra headers for this request. */
  headers?: Record<string, string>;
  /** Aborting it cancels the request; the promise rejects with a CancelledError (name 'AbortError'). */
  signal?: AbortSignal;
}

/** One page of a list: its items, and the whole page as decoded. */
export interface Page<Item, Data> {
  items: Item[];
  data: Data;
}

/** What a list method returns. Nothing is sent until it is used; each use starts from the first page. */
export declare class PageIterator<Item, Data> implements AsyncIterable<Item> {
  private constructor();
  /** Every item of every page. */
  [Symbol.asyncIterator](): AsyncIterator<Item>;
  /** Every page, in order. */
  pages(): AsyncIterable<Page<Item, Data>>;
  /** Only the first page (one request). */
  firstPage(): Promise<Data>;
  /** Every item of every page, in one array. */
  toArray(): Promise<Item[]>;
}

/** The client. Every method takes one parameters object (wire names) and optional RequestOptions. */
export declare class Hamsa {
  /** Throws ConfigurationError (no API key, a bad base URL, an unknown option). */
  constructor(options?: ClientOptions);
${namespaces}
}

/** Webhook helpers that need no client: pass the raw Authorization header and the raw body. */
export declare const webhooks: WebhooksResource;

/** This package's version. */
export declare const VERSION: string;

/** Every error code. */
export type ErrorCode = ${errorCodes};

/** One attempt of a request. */
export interface Attempt {
  /** The HTTP status ('503'), or 'timeout', 'connect_failed', 'connection_lost'. */
  readonly outcome: string;
  /** How long the client waited before making it. */
  readonly delayBeforeMs: number;
}

/** The root of every error the SDK throws. */
export declare class HamsaError extends Error {
  /** The stable machine code; each code has its own subclass. */
  readonly code: ErrorCode;
  /** The HTTP status, when the server answered. */
  readonly status: number | null;
  /** The server's messageKey, e.g. 'AGENT_NOT_FOUND'. */
  readonly messageKey: string | null;
  readonly requestId: string | null;
  /** Every attempt made, in order (empty when nothing was sent). */
  readonly attempts: readonly Attempt[];
  /** For InvalidArgumentError: the wire name of the argument at fault. */
  readonly field: string | null;
  /** For OutcomeUnknownError: the code of the failure that left the outcome unknown. */
  readonly causeCode: ErrorCode | null;
  /** For DecodeError: the start of the body, secrets redacted. */
  readonly bodySnippet: string | null;
  /** True when repeating the operation later is known to be harmless for this failure. */
  readonly retryable: boolean;
  constructor(message: string, details?: { code?: ErrorCode; status?: number | null; messageKey?: string | null; requestId?: string | null; attempts?: readonly Attempt[]; field?: string | null; causeCode?: ErrorCode | null; bodySnippet?: string | null; retryable?: boolean; cause?: unknown });
}
`;
}
