/**
 * What the executor needs from the outside world to make one attempt of an action: the ports the
 * outbound-http and queue adapters implement. Secrets arrive here already unsealed (only the
 * executor opens them, at send time: docs/classic-scheduler.md#e5) and never leave in an outcome.
 */
export type OutboundAuth =
  | { type: 'Basic'; username: string; password: string }
  | { type: 'ClientCertificate'; pfx: string; password: string }
  | { type: 'ActiveDirectoryOAuth'; tenant: string; audience: string; clientId: string; secret: string };

export interface OutboundHttpRequest {
  uri: string;
  method: string;
  /** The job's headers with the outbound `x-ms-scheduler-*` set already applied (#e3). */
  headers: Readonly<Record<string, string>>;
  body?: string;
  auth?: OutboundAuth;
}

/** A response of any status, or no response at all (DNS, connection, TLS, timeout, guard). */
export type HttpOutcome =
  | {
      kind: 'response';
      /** WHATWG `URL.host`: `:port` only for a non-default port (#d8). */
      host: string;
      status: number;
      /** The reason phrase the target sent, if any. */
      reason: string;
      /** As received: name case and order kept. */
      headers: readonly (readonly [string, string])[];
      /** The first 2048 bytes of the body, as UTF-8. */
      body: string;
    }
  | { kind: 'failed'; host: string; reason: string };

export interface HttpActionPort {
  send(request: OutboundHttpRequest): Promise<HttpOutcome>;
}

export interface QueueMessageRequest {
  account: string;
  queueName: string;
  sasToken: string;
  /** The envelope's text (#d5); the adapter base64-encodes it. */
  envelope: string;
}

export type QueueOutcome =
  | { kind: 'sent'; account: string; queueName: string }
  | { kind: 'missing'; account: string; queueName: string }
  | { kind: 'failed'; account: string; queueName: string; reason: string };

export interface QueueActionPort {
  send(request: QueueMessageRequest): Promise<QueueOutcome>;
}
