import type { OutboundIdentity } from './outbound-headers';

const escapeXml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

/**
 * The storage-queue message (docs/classic-scheduler.md#d5): the head verbatim from the 2014
 * capture, the `utf-16` declaration kept over UTF-8 bytes as .NET wrote it, values XML-escaped.
 */
export function queueEnvelope(identity: OutboundIdentity, message: string): string {
  const element = (name: string, value: string) => `<${name}>${escapeXml(value)}</${name}>`;
  return [
    '<?xml version="1.0" encoding="utf-16"?>',
    '<StorageQueueMessage xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `  ${element('ExecutionTag', identity.executionTag)}`,
    `  ${element('ClientRequestId', identity.clientRequestId)}`,
    `  ${element('ExpectedExecutionTime', identity.expectedExecutionTime)}`,
    `  ${element('SchedulerJobId', identity.jobId)}`,
    `  ${element('SchedulerJobCollectionId', identity.jobCollectionId)}`,
    `  ${element('Region', identity.region)}`,
    `  ${element('Message', message)}`,
    '</StorageQueueMessage>',
  ].join('\r\n');
}
