import {
  checkJobName,
  checkStorageAccountName,
  checkSubscriptionId,
  isContainerName,
  isJobName,
} from '../../shared/import-export/model/names';

describe('names (docs/contract/import-export.md#a5)', () => {
  it.each(['MySampleJob', 'am2_test_20140429_export', 'ab', 'a-b', `a${'b'.repeat(63)}`])(
    'accepts the job name %s',
    (n) => {
      expect(isJobName(n)).toBe(true);
    },
  );
  it.each(['a', '1job', '_job', 'job name', 'job.name', `a${'b'.repeat(64)}`, 'jöb', ''])(
    'refuses the job name %j with InvalidJobName',
    (n) => {
      expect(() => checkJobName(n)).toThrow(expect.objectContaining({ code: 'InvalidJobName' }));
    },
  );
  it.each(['abc', 'xttest', 'a1b2c3', 'a'.repeat(24)])('accepts the account name %s', (n) => {
    expect(checkStorageAccountName(n)).toBe(n);
  });
  it.each(['ab', 'XTTEST', 'xt-test', 'a'.repeat(25), ''])(
    'refuses the account name %j with InvalidStorageAccountName',
    (n) => {
      expect(() => checkStorageAccountName(n)).toThrow(
        expect.objectContaining({ code: 'InvalidStorageAccountName' }),
      );
    },
  );
  it('lower-cases a subscription GUID and refuses anything else with InvalidSubscriptionId', () => {
    expect(checkSubscriptionId('AFB1A4EB-BC88-4CE1-B1AF-DFEC80067464')).toBe(
      'afb1a4eb-bc88-4ce1-b1af-dfec80067464',
    );
    for (const bad of [
      'mysub',
      'afb1a4eb-bc88-4ce1-b1af-dfec8006746',
      '{afb1a4eb-bc88-4ce1-b1af-dfec80067464}',
    ]) {
      expect(() => checkSubscriptionId(bad)).toThrow(
        expect.objectContaining({ code: 'InvalidSubscriptionId' }),
      );
    }
  });
  it.each([
    ['waimportexport', true],
    ['$root', true],
    ['a-b-c', true],
    ['ab', false],
    ['a--b', false],
    ['-ab', false],
    ['Abc', false],
    ['a'.repeat(64), false],
  ])('container name %s is valid: %s', (n, ok) => {
    expect(isContainerName(n)).toBe(ok);
  });
});
