import type {
  QueueActionPort,
  QueueMessageRequest,
  QueueOutcome,
} from '../../scheduler/execution/action-ports';

export interface StorageQueueSenderOptions {
  /** `SCHEDULER_QUEUE_ENDPOINT`, `{account}` replaced (docs/classic-scheduler.md#e1). */
  endpointTemplate: string;
  /** `SCHEDULER_HTTP_TIMEOUT`: the whole attempt. */
  timeoutMs: number;
}

interface RestFailure {
  name?: string;
  statusCode?: number;
  code?: string;
  message?: string;
}

/** A SAS signature must never reach a history message (docs/classic-scheduler.md#e5). */
const withoutSignatures = (text: string): string => text.replace(/([?&]sig=)[^&\s'"]*/gi, '$1REDACTED');

/**
 * The storageQueue action (docs/classic-scheduler.md#d5): one message, base64 of the envelope's
 * UTF-8, sent with the job's SAS to its account's queue. The SDK makes one try only: retries are
 * the job's retry policy, and the attempt has one deadline.
 */
export class StorageQueueSender implements QueueActionPort {
  constructor(private readonly options: StorageQueueSenderOptions) {}

  private queueUrl(account: string, queueName: string, sasToken: string): string {
    const base = this.options.endpointTemplate.replace('{account}', account).replace(/\/+$/, '');
    const sas = sasToken.replace(/^\?/, '');
    return `${base}/${queueName}${sas ? `?${sas}` : ''}`;
  }

  async send(request: QueueMessageRequest): Promise<QueueOutcome> {
    const { account, queueName } = request;
    const { AnonymousCredential, QueueClient } = await import('@azure/storage-queue');
    const url = this.queueUrl(account, queueName, request.sasToken);
    const client = new QueueClient(url, new AnonymousCredential(), {
      retryOptions: { maxTries: 1, tryTimeoutInMs: this.options.timeoutMs },
    });
    const text = Buffer.from(request.envelope, 'utf8').toString('base64');
    try {
      await client.sendMessage(text, { abortSignal: AbortSignal.timeout(this.options.timeoutMs) });
      return { kind: 'sent', account, queueName };
    } catch (err) {
      const e = (typeof err === 'object' && err !== null ? err : {}) as RestFailure;
      if (e.statusCode === 404 && e.code === 'QueueNotFound') return { kind: 'missing', account, queueName };
      return {
        kind: 'failed',
        account,
        queueName,
        reason: withoutSignatures(reasonOf(e, this.options.timeoutMs)),
      };
    }
  }
}

function reasonOf(e: RestFailure, timeoutMs: number): string {
  if (e.name === 'AbortError') return `the request timed out after ${timeoutMs / 1000} seconds`;
  const first = (e.message ?? '').split('\n')[0]?.slice(0, 200) ?? '';
  if (e.statusCode !== undefined) return `${e.statusCode} ${e.code ?? ''}${first ? `: ${first}` : ''}`.trim();
  return first || 'unknown error';
}
