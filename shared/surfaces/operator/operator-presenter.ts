import type { Job, JobSummary } from '../../import-export/model/model';
import { jobBody, jobProperties } from '../classic-import-export/job-presenter';

const opt = <K extends string, V>(name: K, value: V | undefined): Partial<Record<K, V>> =>
  (value === undefined ? {} : { [name]: value }) as Partial<Record<K, V>>;

/** What the datacenter knows of a job beyond Get Job: faults, extra drives, alerts, planning. */
function datacenterOf(j: JobSummary): Record<string, unknown> {
  return {
    ...opt('FaultedFrom', j.FaultedFrom),
    ...opt('FaultReason', j.FaultReason),
    ...opt('ExtraDrives', j.ExtraDrives),
    ...opt('Alerts', j.Alerts),
    ...opt('ExportPlanFailure', j.ExportPlan?.Failure),
    ...opt('ExportPlanDetail', j.ExportPlan?.Detail),
  };
}

/**
 * A job as the operator API answers it (plain JSON): the Get Job body of 2014-11-01, with the same
 * secrecy rules (docs/contract/import-export.md#a6: no credential, export BitLocker keys only once shipped back), plus the
 * job's address and a `Datacenter` section.
 */
export function operatorJobView(j: Job): Record<string, unknown> {
  const drives = j.DriveList.map((d) => ({
    DriveId: d.DriveId,
    ...opt('FaultedFrom', d.FaultedFrom),
    ...opt('FaultReason', d.FaultReason),
    ...opt('CapacityBytes', d.CapacityBytes),
    ...opt('PlannedBlobs', d.PlannedBlobs),
    ...opt('BytesTotal', d.BytesTotal),
    ...opt('BytesSucceeded', d.BytesSucceeded),
  }));
  return {
    SubscriptionId: j.SubscriptionId,
    StorageAccountName: j.StorageAccountName,
    ...jobBody(j, '2014-11-01'),
    Datacenter: { ...datacenterOf(j), ...(drives.length > 0 && { Drives: drives }) },
  };
}

/** An item of the operators' worklist (GET /operator/jobs). */
export function attentionItem(j: JobSummary): Record<string, unknown> {
  return {
    SubscriptionId: j.SubscriptionId,
    StorageAccountName: j.StorageAccountName,
    Name: j.Name,
    Properties: jobProperties(j, '2014-11-01', true),
    Datacenter: datacenterOf(j),
  };
}
