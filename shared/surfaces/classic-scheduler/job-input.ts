import { invalid } from '../../scheduler/errors';
import type {
  ActionDefinition,
  Authentication,
  JobAction,
  JobDefinition,
  Recurrence,
  RetryPolicy,
  Schedule,
} from '../../scheduler/model';
import type { PfxReader } from '../../scheduler/pfx';
import type { AuthenticationWire, JobWire } from './job-wire.schema';
import { ACTION_TYPES, ActionWire, RetryPolicyWire } from './job-wire.schema';
import { zodMessage } from './wire-errors';

const required = (value: string | undefined, what: string): string => {
  if (value === undefined || value === '') throw invalid(`authentication.${what} is required.`);
  return value;
};

function authenticationOf(a: AuthenticationWire, readPfx: PfxReader): Authentication {
  switch (a.type) {
    case 'Basic':
      return {
        type: 'Basic',
        username: required(a.username, 'username'),
        password: required(a.password, 'password'),
      };
    case 'ActiveDirectoryOAuth':
      return {
        type: 'ActiveDirectoryOAuth',
        tenant: required(a.tenant, 'tenant'),
        audience: required(a.audience, 'audience'),
        clientId: required(a.clientId, 'clientId'),
        secret: required(a.secret, 'secret'),
      };
    case 'ClientCertificate': {
      const pfx = required(a.pfx, 'pfx');
      const password = required(a.password, 'password');
      const cert = readPfx(pfx, password);
      if (!cert) throw invalid('authentication.pfx cannot be opened with the password given.');
      return {
        type: 'ClientCertificate',
        pfx,
        password,
        certificateThumbprint: cert.thumbprint,
        certificateExpiration: cert.expiration,
        certificateSubjectName: cert.subjectName,
      };
    }
  }
}

function actionOf(a: ActionWire, where: string, readPfx: PfxReader): ActionDefinition {
  const type = ACTION_TYPES.find((t) => t.toLowerCase() === a.type.toLowerCase());
  if (type === 'serviceBusQueue' || type === 'serviceBusTopic')
    throw invalid(`${where}.type '${a.type}' is not supported.`);
  // PowerShell never sets the type: an http action carrying only a queue message is a queue action.
  const kind = type === 'storageQueue' || (a.queueMessage && !a.request) ? 'storageQueue' : 'http';
  const out: ActionDefinition = { type: a.type, kind };
  if (kind === 'http' && a.request) {
    const r = a.request;
    out.request = {
      uri: r.uri,
      method: r.method,
      ...(r.headers && { headers: r.headers }),
      ...(r.body !== undefined && { body: r.body }),
      ...(r.authentication && { authentication: authenticationOf(r.authentication, readPfx) }),
    };
  }
  if (kind === 'storageQueue' && a.queueMessage) out.queueMessage = { ...pick(a.queueMessage) };
  return out;
}

const pick = (q: NonNullable<ActionWire['queueMessage']>) => ({
  storageAccount: q.storageAccount,
  queueName: q.queueName,
  sasToken: q.sasToken,
  message: q.message,
});

function retryPolicyOf(raw: unknown): RetryPolicy | undefined {
  if (raw === undefined || raw === null) return undefined;
  const parsed = RetryPolicyWire.safeParse(raw);
  if (!parsed.success) throw invalid(zodMessage(parsed.error, 'action.retryPolicy'));
  const p = parsed.data;
  if (p.retryType === 'none') return { retryType: 'none' };
  return {
    retryType: 'fixed',
    ...(p.retryInterval !== undefined && { retryInterval: p.retryInterval }),
    ...(p.retryCount !== undefined && { retryCount: p.retryCount }),
  };
}

function scheduleOf(s: NonNullable<NonNullable<JobWire['recurrence']>['schedule']>): Schedule | undefined {
  const out: Schedule = {};
  if (s.minutes?.length) out.minutes = s.minutes;
  if (s.hours?.length) out.hours = s.hours;
  if (s.weekDays?.length) out.weekDays = s.weekDays;
  if (s.months?.length) out.months = s.months;
  if (s.monthDays?.length) out.monthDays = s.monthDays;
  if (s.monthlyOccurrences?.length)
    out.monthlyOccurrences = s.monthlyOccurrences.map((o) => ({
      day: o.day,
      ...(o.occurrence !== undefined && { occurrence: o.occurrence }),
    }));
  return Object.keys(out).length ? out : undefined;
}

function recurrenceOf(r: NonNullable<JobWire['recurrence']>): Recurrence {
  if (r.frequency === 'second') throw invalid("recurrence.frequency 'second' is not supported.");
  const schedule = r.schedule ? scheduleOf(r.schedule) : undefined;
  return {
    frequency: r.frequency,
    interval: r.interval ?? 1,
    ...(r.count !== undefined && { count: r.count }),
    ...(r.endTime !== undefined && { endTime: r.endTime }),
    ...(schedule && { schedule }),
  };
}

/** A parsed wire job as the context's definition (docs/classic-scheduler.md#c3). */
export function definitionOf(w: JobWire, readPfx: PfxReader): JobDefinition {
  if (w.status !== undefined) throw invalid('status cannot be set.');
  if (w.state === 'completed' || w.state === 'faulted') throw invalid(`state cannot be set to '${w.state}'.`);
  const main = actionOf(w.action, 'action', readPfx);
  const action: JobAction = { ...main };
  const retryPolicy = retryPolicyOf(w.action.retryPolicy);
  if (retryPolicy) action.retryPolicy = retryPolicy;
  if (w.action.errorAction !== undefined && w.action.errorAction !== null) {
    const parsed = errorActionWire(w.action.errorAction);
    if (parsed.retryPolicy !== undefined || parsed.errorAction !== undefined)
      throw invalid('action.errorAction cannot have its own retryPolicy or errorAction.');
    action.errorAction = actionOf(parsed, 'action.errorAction', readPfx);
  }
  return {
    ...(w.startTime && { startTime: w.startTime }),
    action,
    ...(w.recurrence && { recurrence: recurrenceOf(w.recurrence) }),
    state: w.state ?? 'enabled',
  };
}

function errorActionWire(raw: unknown): ActionWire {
  const parsed = ActionWire.safeParse(raw);
  if (!parsed.success) throw invalid(zodMessage(parsed.error, 'action.errorAction'));
  return parsed.data;
}
