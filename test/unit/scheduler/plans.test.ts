import { wireOf, transportWireOf } from '../../../shared/surfaces/classic-scheduler/error-map';
import { PLAN_LIMITS, effectiveQuota, providerProperties } from '../../../shared/scheduler/plans';
import { isValidName } from '../../../shared/scheduler/names';

describe('plans as data (docs/classic-scheduler.md#b4)', () => {
  it('lists the regions and each plan’s MaxJobCount and MinRecurrence as the provider properties', () => {
    expect(Object.fromEntries(providerProperties(['West US', 'East US']))).toEqual({
      SupportedGeoRegions: 'West US,East US',
      'PlanDetail:Free:Quota:MaxJobCount': '5',
      'PlanDetail:Free:Quota:MinRecurrence': '01:00:00',
      'PlanDetail:Standard:Quota:MaxJobCount': '50',
      'PlanDetail:Standard:Quota:MinRecurrence': '00:01:00',
      'PlanDetail:Premium:Quota:MaxJobCount': '50',
      'PlanDetail:Premium:Quota:MinRecurrence': '00:01:00',
    });
    expect(PLAN_LIMITS.Free).toMatchObject({ collectionsPerSubscription: 1, outboundAuth: false });
  });

  it('defaults quota values to the plan, and clamps values left out to a new plan', () => {
    expect(effectiveQuota('Standard', undefined)).toEqual({
      maxJobCount: 50,
      maxRecurrence: { frequency: 'Minute', interval: 1 },
    });
    const standard = { maxJobCount: 20, maxRecurrence: { frequency: 'Minute' as const, interval: 5 } };
    expect(effectiveQuota('Free', {}, standard)).toEqual({
      maxJobCount: 5,
      maxRecurrence: { frequency: 'Hour', interval: 1 },
    });
    expect(effectiveQuota('Standard', { maxJobCount: 7 }, standard)).toMatchObject({ maxJobCount: 7 });
  });
});

describe('names (docs/classic-scheduler.md#a1)', () => {
  it.each([
    ['jc1', true],
    ['CS-SouthCentralUS-scheduler', true],
    ['a.b_c-d', true],
    ['x'.repeat(100), true],
    ['x'.repeat(101), false],
    ['-x', false],
    ['', false],
    ['a b', false],
    ['a/b', false],
  ])('%s valid: %s', (name, valid) => {
    expect(isValidName(name)).toBe(valid);
  });
});

describe('the error map (docs/classic-scheduler.md#a5)', () => {
  it.each([
    ['InvalidInput', 400, 'BadRequest'],
    ['NotFound', 404, 'ResourceNotFound'],
    ['AlreadyExists', 409, 'ConflictError'],
    ['QuotaExceeded', 409, 'ConflictError'],
    ['FinalState', 409, 'ConflictError'],
    ['RegistrationConflict', 409, 'ConflictError'],
    ['NotEmpty', 409, 'ConflictError'],
    ['PlanConflict', 409, 'ConflictError'],
    ['PreconditionFailed', 412, 'PreconditionFailed'],
  ] as const)('%s is %d %s', (code, status, wire) => {
    expect(wireOf(code)).toEqual({ status, code: wire });
  });

  it('maps the transport codes to their statuses', () => {
    expect(transportWireOf('ForbiddenError').status).toBe(403);
    expect(transportWireOf('ServerBusy').status).toBe(503);
    expect(transportWireOf('InvalidHttpVerb').status).toBe(400);
  });
});
