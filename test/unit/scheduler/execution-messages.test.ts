import {
  httpMessage,
  postponedMessage,
  queueMessage,
  succeeded,
} from '../../../shared/scheduler/execution/history-messages';
import {
  attemptIds,
  outboundHeaders,
  outboundIdentity,
} from '../../../shared/scheduler/execution/outbound-headers';
import { statusName } from '../../../shared/scheduler/execution/status-names';
import { utcTime } from '../../../shared/scheduler/execution/utc-time';

const key = {
  incarnation: 'i1',
  scheduled: new Date('2015-08-04T23:12:00Z'),
  actionName: 'MainAction' as const,
  retryCount: 0,
};

describe('history messages (PowerShell parses their quote pairs)', () => {
  it('an HTTP response lists its headers as received, each ended by CRLF, then the body', () => {
    const message = httpMessage({
      kind: 'response',
      host: 'www.bing.com',
      status: 200,
      reason: 'OK',
      headers: [
        ['Vary', 'Accept-Encoding'],
        ['Cache-Control', 'max-age=0, private'],
      ],
      body: '<!DOCTYPE html',
    });
    expect(message).toBe(
      "Http Action - Response from host 'www.bing.com': 'OK' Response Headers: Vary: Accept-Encoding\r\nCache-Control: max-age=0, private\r\n Body: <!DOCTYPE html",
    );
    const quoted = message.split("'");
    expect([quoted[1], quoted[3]]).toEqual(['www.bing.com', 'OK']);
    expect(message.slice(message.indexOf('Body: ') + 6)).toBe('<!DOCTYPE html');
  });

  it('a failed request names the host, port included when not the default', () => {
    expect(
      httpMessage({ kind: 'failed', host: '127.0.0.1:9', reason: 'connect ECONNREFUSED 127.0.0.1:9' }),
    ).toBe("Http Action - Request to host '127.0.0.1:9' failed: connect ECONNREFUSED 127.0.0.1:9");
  });

  it.each([
    [
      { kind: 'sent' as const, account: 'acct', queueName: 'q1' },
      "StorageQueue Action - Message sent to storage account 'acct' queue 'q1' Created",
    ],
    [
      { kind: 'missing' as const, account: 'acct', queueName: 'q1' },
      "StorageQueue Action - The queue 'q1' does not exist",
    ],
    [
      { kind: 'failed' as const, account: 'acct', queueName: 'q1', reason: '403 AuthorizationFailure' },
      "StorageQueue Action - Request to storage account 'acct' failed: 403 AuthorizationFailure",
    ],
  ])('queue outcome %o', (outcome, message) => {
    expect(queueMessage(outcome)).toBe(message);
  });

  it('the postponed entry says how many were missed and between which times', () => {
    expect(postponedMessage(3, new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:02:00.5Z'))).toBe(
      "Postponed - 3 occurrence(s) from '2026-01-01T00:00:00Z' to '2026-01-01T00:02:00.5000000Z' were missed while the service was unavailable; only the latest runs.",
    );
  });

  it('only a 2xx or a queued message succeeds; a redirect fails', () => {
    const response = (status: number) => ({
      kind: 'response' as const,
      host: 'h',
      status,
      reason: '',
      headers: [],
      body: '',
    });
    expect([200, 204, 299, 302, 404, 500].map((s) => succeeded(response(s)))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(succeeded({ kind: 'sent', account: 'a', queueName: 'q' })).toBe(true);
    expect(succeeded({ kind: 'missing', account: 'a', queueName: 'q' })).toBe(false);
  });
});

describe('status names are .NET HttpStatusCode names', () => {
  it.each([
    [200, 'OK'],
    [201, 'Created'],
    [202, 'Accepted'],
    [204, 'NoContent'],
    [400, 'BadRequest'],
    [401, 'Unauthorized'],
    [403, 'Forbidden'],
    [404, 'NotFound'],
    [405, 'MethodNotAllowed'],
    [408, 'RequestTimeout'],
    [409, 'Conflict'],
    [500, 'InternalServerError'],
    [502, 'BadGateway'],
    [503, 'ServiceUnavailable'],
    [504, 'GatewayTimeout'],
    [302, 'Found'],
    [429, 'TooManyRequests'],
    [599, '599'],
  ])('%i is %s', (code, name) => {
    expect(statusName(code)).toBe(name);
  });
});

describe('outbound identity', () => {
  it('tags are stable per attempt and differ per retry, action, occurrence and incarnation', () => {
    const a = attemptIds(key);
    expect(a).toEqual(attemptIds({ ...key }));
    expect(a.executionTag).toMatch(/^[0-9a-f]{32}$/);
    expect(a.clientRequestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    const others = [
      { ...key, retryCount: 1 },
      { ...key, actionName: 'ErrorAction' as const },
      { ...key, scheduled: new Date('2015-08-04T23:13:00Z') },
      { ...key, incarnation: 'i2' },
    ].map((k) => attemptIds(k).executionTag);
    expect(new Set([a.executionTag, ...others]).size).toBe(5);
  });

  it('the x-ms-scheduler-* headers replace job headers of the same name in any case', () => {
    const id = outboundIdentity(key, { jobId: 'job1', jobCollectionId: 'jc1', region: 'West US' });
    const headers = outboundHeaders({ 'X-MS-SCHEDULER-JOBID': 'spoofed', 'Content-Type': 'text/plain' }, id);
    expect(headers).toEqual({
      'Content-Type': 'text/plain',
      'x-ms-scheduler-jobid': 'job1',
      'x-ms-scheduler-jobcollectionid': 'jc1',
      'x-ms-scheduler-expected-execution-time': '2015-08-04T23:12:00Z',
      'x-ms-scheduler-execution-region': 'West US',
      'x-ms-execution-tag': id.executionTag,
      'x-ms-client-request-id': id.clientRequestId,
    });
  });

  it('dates carry seven fraction digits only when there is a sub-second part', () => {
    expect(utcTime(new Date('2014-10-29T21:52:35.210Z'))).toBe('2014-10-29T21:52:35.2100000Z');
    expect(utcTime(new Date('2014-10-29T21:52:35Z'))).toBe('2014-10-29T21:52:35Z');
  });
});
