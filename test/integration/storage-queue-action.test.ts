import { randomBytes } from 'node:crypto';
import {
  QueueSASPermissions,
  QueueServiceClient,
  StorageSharedKeyCredential,
  generateQueueSASQueryParameters,
} from '@azure/storage-queue';
import { XMLParser } from 'fast-xml-parser';
import { devAccount } from '../support/scheduler-execution';

const DEV_ACCOUNT = devAccount();
import { StorageQueueSender } from '../../shared/adapters/queue/storage-queue-sender';
import { outboundIdentity } from '../../shared/scheduler/execution/outbound-headers';
import { queueEnvelope } from '../../shared/scheduler/execution/queue-envelope';

const endpointTemplate = process.env.SCHEDULER_QUEUE_ENDPOINT ?? '';
const credential = new StorageSharedKeyCredential(DEV_ACCOUNT.name, DEV_ACCOUNT.key);
const service = new QueueServiceClient(endpointTemplate.replace('{account}', DEV_ACCOUNT.name), credential);
const sender = new StorageQueueSender({ endpointTemplate, timeoutMs: 5000 });

const sasFor = (queueName: string, permissions = 'a'): string =>
  generateQueueSASQueryParameters(
    {
      queueName,
      permissions: QueueSASPermissions.parse(permissions),
      expiresOn: new Date(Date.now() + 3600_000),
    },
    credential,
  ).toString();

const identity = outboundIdentity(
  {
    incarnation: 'inc-1',
    scheduled: new Date('2026-01-02T03:04:05Z'),
    actionName: 'MainAction',
    retryCount: 0,
  },
  { jobId: 'job1', jobCollectionId: 'jc1', region: 'West US' },
);

const newQueue = async (): Promise<string> => {
  const name = `q-${randomBytes(6).toString('hex')}`;
  await service.getQueueClient(name).create();
  return name;
};

describe('storageQueue action against Azurite', () => {
  it('puts the envelope on the queue, base64 of UTF-8, readable back and parseable', async () => {
    const queueName = await newQueue();
    const envelope = queueEnvelope(identity, 'hello <world> & ünïcode');
    const out = await sender.send({
      account: DEV_ACCOUNT.name,
      queueName,
      sasToken: `?${sasFor(queueName)}`,
      envelope,
    });
    expect(out).toEqual({ kind: 'sent', account: DEV_ACCOUNT.name, queueName });

    const { receivedMessageItems } = await service.getQueueClient(queueName).receiveMessages();
    expect(receivedMessageItems).toHaveLength(1);
    const text = Buffer.from(receivedMessageItems[0]!.messageText, 'base64').toString('utf8');
    expect(text.startsWith('<?xml version="1.0" encoding="utf-16"?>')).toBe(true);
    const parsed = new XMLParser({ parseTagValue: false }).parse(text).StorageQueueMessage;
    expect(parsed).toEqual({
      ExecutionTag: identity.executionTag,
      ClientRequestId: identity.clientRequestId,
      ExpectedExecutionTime: '2026-01-02T03:04:05Z',
      SchedulerJobId: 'job1',
      SchedulerJobCollectionId: 'jc1',
      Region: 'West US',
      Message: 'hello <world> & ünïcode',
    });
    expect(identity.executionTag).toMatch(/^[0-9a-f]{32}$/);
    expect(text).toContain('<Message>hello &lt;world&gt; &amp; ünïcode</Message>');
  });

  it('accepts a SAS given without its leading question mark', async () => {
    const queueName = await newQueue();
    const out = await sender.send({
      account: DEV_ACCOUNT.name,
      queueName,
      sasToken: sasFor(queueName),
      envelope: 'x',
    });
    expect(out.kind).toBe('sent');
  });

  it('reports a missing queue as such', async () => {
    const queueName = `q-missing-${randomBytes(4).toString('hex')}`;
    const out = await sender.send({
      account: DEV_ACCOUNT.name,
      queueName,
      sasToken: sasFor(queueName),
      envelope: 'x',
    });
    expect(out).toEqual({ kind: 'missing', account: DEV_ACCOUNT.name, queueName });
  });

  it('fails a SAS that does not grant add, with a reason that holds no signature', async () => {
    const queueName = await newQueue();
    const sas = sasFor(queueName, 'r');
    const out = await sender.send({ account: DEV_ACCOUNT.name, queueName, sasToken: sas, envelope: 'x' });
    expect(out.kind).toBe('failed');
    expect(out.kind === 'failed' && out.reason).toMatch(/^403 /);
    const sig = new URLSearchParams(sas).get('sig') ?? 'none';
    expect(JSON.stringify(out)).not.toContain(sig);
    expect((await service.getQueueClient(queueName).peekMessages()).peekedMessageItems).toHaveLength(0);
  });

  it('fails an unreachable queue endpoint within the deadline', async () => {
    const unreachable = new StorageQueueSender({
      endpointTemplate: 'http://127.0.0.1:9/{account}',
      timeoutMs: 2000,
    });
    const out = await unreachable.send({
      account: DEV_ACCOUNT.name,
      queueName: 'q1',
      sasToken: 'sv=x&sig=secret',
      envelope: 'x',
    });
    expect(out.kind).toBe('failed');
    expect(JSON.stringify(out)).not.toContain('secret');
  });
});
