import { parseSchedulerExecutionConfig } from '../../../shared/app/scheduler-execution-config';

describe('executor settings', () => {
  it('deployed defaults: 60 s, the public queue endpoint and authority, loopback refused', () => {
    const c = parseSchedulerExecutionConfig({});
    expect(c).toMatchObject({
      httpTimeoutMs: 60_000,
      queueEndpoint: 'https://{account}.queue.core.windows.net',
      aadAuthority: 'https://login.microsoftonline.com',
      mode: 'deployed',
      executorSchedule: '*/30 * * * * *',
    });
    expect(c.policy.refusal('127.0.0.1')).toBe('loopback');
  });

  it('the local host allows loopback and uses Azurite’s queue port', () => {
    const c = parseSchedulerExecutionConfig({ SCHEDULER_LOCAL_HOST: 'true', AZURITE_QUEUE_PORT: '20001' });
    expect(c.queueEndpoint).toBe('http://127.0.0.1:20001/{account}');
    expect(c.policy.refusal('127.0.0.1')).toBeUndefined();
    expect(c.policy.refusal('169.254.169.254')).toBe('metadata');
  });

  it('the identity endpoint’s host is refused as metadata', () => {
    const c = parseSchedulerExecutionConfig({
      IDENTITY_ENDPOINT: 'http://10.0.0.7:8081/msi/token',
      SCHEDULER_OUTBOUND_ALLOW: '10.0.0.0/8',
    });
    expect(c.policy.refusal('10.0.0.7')).toBe('metadata');
    expect(c.policy.refusal('10.0.0.8')).toBeUndefined();
  });

  it('reads the executor timer’s schedule, NCRONTAB with seconds', () => {
    const c = parseSchedulerExecutionConfig({ SCHEDULER_EXECUTOR_SCHEDULE: '*/10 * * * * *' });
    expect(c.executorSchedule).toBe('*/10 * * * * *');
  });

  it.each([
    ['SCHEDULER_EXECUTOR_SCHEDULE', 'every 30 seconds'],
    ['SCHEDULER_EXECUTOR_SCHEDULE', '*/30 * * * *'],
    ['SCHEDULER_HTTP_TIMEOUT', 'PT0.5S'],
    ['SCHEDULER_HTTP_TIMEOUT', 'PT6M'],
    ['SCHEDULER_HTTP_TIMEOUT', '60'],
    ['SCHEDULER_QUEUE_ENDPOINT', 'https://q.example'],
    ['SCHEDULER_OUTBOUND_ALLOW', '10.0.0.0/x'],
    ['SCHEDULER_AAD_AUTHORITY', 'not a url'],
  ])('rejects %s=%s, naming the setting', (name, value) => {
    expect(() => parseSchedulerExecutionConfig({ [name]: value })).toThrow(
      new RegExp(`^App setting ${name} is invalid`),
    );
  });
});
