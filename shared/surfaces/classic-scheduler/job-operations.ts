import { invalid, notFound } from '../../scheduler/errors';
import {
  deleteJob,
  getJob,
  jobHistory,
  listJobs,
  patchJob,
  putJob,
  requireCollection,
  setAllJobStates,
} from '../../scheduler/jobs-service';
import type { CollectionRef } from '../../scheduler/model';
import { isValidName } from '../../scheduler/names';
import { definitionFromJson, jsonObject, mergePatch } from './job-body';
import { presentHistory, presentJob } from './job-presenter';
import { CollectionStateWire } from './job-wire.schema';
import { historyQuery, jobListQuery, paged } from './list-query';
import type { SchedOp, SchedRequest } from './pipeline';
import { zodMessage } from './wire-errors';
import * as d from './doc-wire.schema';

const refOf = (req: SchedRequest): CollectionRef => ({
  subscriptionId: req.sub,
  cloudService: req.params.cs ?? '',
  jobCollection: req.params.jc ?? '',
});

/** The Scheduler's deps, the addressed collection's ref and the collection itself, or 404. */
async function inCollection(req: SchedRequest) {
  const sched = req.rt.scheduler;
  const ref = refOf(req);
  return { sched, ref, collection: await requireCollection(sched, ref) };
}

/** docs/classic-scheduler.md#c3: a body `id`, when present, names the job in the path (ignoring case). */
function checkBodyId(bodyId: unknown, id: string): void {
  if (bodyId !== undefined && (typeof bodyId !== 'string' || bodyId.toUpperCase() !== id.toUpperCase()))
    throw invalid('The id in the body differs from the id in the path.');
}

/** A job id from the path: an invalid one names no job (404). */
function jobIdOf(req: SchedRequest): string {
  const id = req.params.job ?? '';
  if (!isValidName(id)) throw notFound(`The job '${id}' was not found.`);
  return id;
}

/** docs/classic-scheduler.md#c1: POST creates under a new GUID (201). */
export const createJobOp: SchedOp = {
  summary: 'Create a job under a new id',
  success: { status: 201, body: d.jobResponseSchema },
  accepts: 'json',
  documentedBody: { schema: d.jobInputSchema, representation: 'json' },
  query: d.jobsQuery,
  errors: ['ConflictError'],
  async run(req) {
    const { sched, ref, collection } = await inCollection(req);
    const def = definitionFromJson(jsonObject(req.body), req.rt.readPfx);
    const { job } = await putJob(sched, ref, collection, sched.newId(), def);
    return { status: 201, json: presentJob(job) };
  },
};

/** PUT: 201 for a new id, 200 for a replace (docs/classic-scheduler.md#c6). */
export const putJobOp: SchedOp = {
  summary: 'Create or replace a job',
  success: { status: 200, body: d.jobResponseSchema, also: [201] },
  accepts: 'json',
  documentedBody: { schema: d.jobInputSchema, representation: 'json' },
  query: d.jobsQuery,
  errors: ['ConflictError'],
  async run(req) {
    const { sched, ref, collection } = await inCollection(req);
    const id = req.params.job ?? '';
    const body = jsonObject(req.body);
    if (!isValidName(id)) throw invalid(`'${id}' is not a valid job id.`);
    checkBodyId(body.id, id);
    const def = definitionFromJson(body, req.rt.readPfx);
    const { job, created } = await putJob(sched, ref, collection, id, def);
    return { status: created ? 201 : 200, json: presentJob(job) };
  },
};

export const getJobOp: SchedOp = {
  summary: 'Get a job',
  success: { status: 200, body: d.jobResponseSchema },
  query: d.jobsQuery,
  async run(req) {
    const { sched, ref } = await inCollection(req);
    return { status: 200, json: presentJob(await getJob(sched, ref, jobIdOf(req))) };
  },
};

/** PATCH: a JSON merge patch over the job; `stateDetails` is stored, never echoed (docs/classic-scheduler.md#c6). */
export const patchJobOp: SchedOp = {
  summary: 'Update a job (JSON merge patch)',
  success: { status: 200, body: d.jobResponseSchema },
  accepts: 'json',
  documentedBody: { schema: d.jobPatchSchema, representation: 'json' },
  query: d.jobsQuery,
  errors: ['ConflictError'],
  async run(req) {
    const { sched, ref, collection } = await inCollection(req);
    const id = jobIdOf(req);
    const patch = jsonObject(req.body);
    const job = await patchJob(sched, ref, collection, id, (current) => {
      if (patch.status !== undefined) throw invalid('status cannot be set.');
      checkBodyId(patch.id, current.id);
      const { stateDetails, ...rest } = patch;
      if (stateDetails !== undefined && stateDetails !== null && typeof stateDetails !== 'string')
        throw invalid('stateDetails must be a string.');
      const base = presentJob(current, true);
      delete base.status;
      if (current.state === 'completed' || current.state === 'faulted') delete base.state;
      const merged = mergePatch(base, rest) as Record<string, unknown>;
      return {
        definition: definitionFromJson(merged, req.rt.readPfx),
        ...(typeof stateDetails === 'string' && { stateDetails }),
      };
    });
    return { status: 200, json: presentJob(job) };
  },
};

/** DELETE answers 200 with no body, never 204 (docs/classic-scheduler.md#c6). */
export const deleteJobOp: SchedOp = {
  summary: 'Delete a job',
  success: { status: 200 },
  query: d.jobsQuery,
  async run(req) {
    const { sched, ref } = await inCollection(req);
    await deleteJob(sched, ref, jobIdOf(req));
    return { status: 200 };
  },
};

/** A bare array, sorted by id (docs/classic-scheduler.md#c7). */
export const listJobsOp: SchedOp = {
  summary: 'List the jobs of a collection',
  success: { status: 200, body: d.jobListSchema },
  query: d.jobListQuery,
  async run(req) {
    const { sched, ref } = await inCollection(req);
    const q = jobListQuery(req.query);
    const jobs = await listJobs(sched, ref, q.state);
    return { status: 200, json: paged(jobs, q.page).map((j) => presentJob(j)) };
  },
};

/** PATCH `/jobs`: every enabled or disabled job to one state; answers all jobs (docs/classic-scheduler.md#c6). */
export const patchAllJobsOp: SchedOp = {
  summary: 'Enable or disable every job of a collection',
  success: { status: 200, body: d.jobListSchema },
  accepts: 'json',
  documentedBody: { schema: d.collectionStateSchema, representation: 'json' },
  query: d.jobsQuery,
  async run(req) {
    const { sched, ref } = await inCollection(req);
    const parsed = CollectionStateWire.safeParse(jsonObject(req.body));
    if (!parsed.success) throw invalid(zodMessage(parsed.error));
    const jobs = await setAllJobStates(sched, ref, parsed.data.state);
    return { status: 200, json: jobs.map((j) => presentJob(j)) };
  },
};

/** Newest first, a bare array (docs/classic-scheduler.md#c7). */
export const jobHistoryOp: SchedOp = {
  summary: "List a job's history",
  success: { status: 200, body: d.historySchema },
  query: d.historyQuery,
  async run(req) {
    const { sched, ref } = await inCollection(req);
    const id = jobIdOf(req);
    const q = historyQuery(req.query);
    const entries = await jobHistory(sched, ref, id, q.filter);
    return { status: 200, json: paged(entries, q.page).map(presentHistory) };
  },
};
