import type { HttpOutcome, QueueOutcome } from './action-ports';
import { statusName } from './status-names';
import { utcTime } from './utc-time';

/**
 * History messages, quoted exactly as PowerShell's parser expects them
 * (docs/classic-scheduler.md#d8): quote pair 1 the host or account, pair 2 the status or queue.
 */
export function httpMessage(outcome: HttpOutcome): string {
  if (outcome.kind === 'failed')
    return `Http Action - Request to host '${outcome.host}' failed: ${outcome.reason}`;
  const headers = outcome.headers.map(([name, value]) => `${name}: ${value}\r\n`).join('');
  return `Http Action - Response from host '${outcome.host}': '${statusName(outcome.status)}' Response Headers: ${headers} Body: ${outcome.body}`;
}

export function queueMessage(outcome: QueueOutcome): string {
  switch (outcome.kind) {
    case 'sent':
      return `StorageQueue Action - Message sent to storage account '${outcome.account}' queue '${outcome.queueName}' Created`;
    case 'missing':
      return `StorageQueue Action - The queue '${outcome.queueName}' does not exist`;
    case 'failed':
      return `StorageQueue Action - Request to storage account '${outcome.account}' failed: ${outcome.reason}`;
  }
}

export function postponedMessage(missed: number, first: Date, last: Date): string {
  return `Postponed - ${missed} occurrence(s) from '${utcTime(first)}' to '${utcTime(last)}' were missed while the service was unavailable; only the latest runs.`;
}

/** Only a 2xx succeeds; a 3xx is not followed, so it fails too (#d4). A queue send succeeds on 201. */
export const succeeded = (outcome: HttpOutcome | QueueOutcome): boolean =>
  outcome.kind === 'sent' || (outcome.kind === 'response' && outcome.status >= 200 && outcome.status <= 299);
