import { z } from 'zod';
import { ACTION_NAMES, HISTORY_STATUSES, JOB_STATES } from '../../scheduler/model';
import { lazySchema } from '../classic-import-export/wire/common.schema';
import { CollectionStateWire, JobWire } from './job-wire.schema';

/**
 * The Scheduler's bodies as the OpenAPI document describes them (surfaces/openapi). The XML
 * documents are described by their root element and an example in the
 * `http://schemas.microsoft.com/windowsazure` namespace (docs/classic-scheduler.md#a3); the JSON
 * ones by their fields (docs/classic-scheduler.md#c5, #d8).
 */
const NS = 'xmlns="http://schemas.microsoft.com/windowsazure"';

const xmlDoc = (id: string, description: string, example: string) =>
  lazySchema(() =>
    z.string().meta({
      id,
      description: `application/xml: ${description} (docs/classic-scheduler.md).`,
      examples: [`<?xml version="1.0" encoding="utf-8"?>${example}`],
    }),
  );

export const errorXmlSchema = xmlDoc(
  'SchedulerError',
  'every Scheduler error, JSON routes included (docs/classic-scheduler.md#a5)',
  `<Error ${NS}><Code>ResourceNotFound</Code><Message>The job 'nope' was not found.</Message></Error>`,
);

export const cloudServiceInputSchema = xmlDoc(
  'SchedulerCloudServiceInput',
  '<CloudService> with Label, Description, GeoRegion and an optional Email',
  `<CloudService ${NS}><Label>l</Label><Description>d</Description><GeoRegion>West US</GeoRegion></CloudService>`,
);

export const cloudServiceSchema = xmlDoc(
  'SchedulerCloudService',
  '<CloudService> with Name, Label, Description, GeoRegion, GeoLocation and its job collections as <Resources>',
  `<CloudService ${NS}><Name>cs1</Name><Label>l</Label><Description>d</Description><GeoRegion>West US</GeoRegion><GeoLocation>West US</GeoLocation><Resources/></CloudService>`,
);

export const cloudServicesSchema = xmlDoc(
  'SchedulerCloudServices',
  "<CloudServices>: every cloud service of the subscription with its collections' summaries",
  `<CloudServices ${NS}><CloudService><Name>cs1</Name><Label>l</Label><Description>d</Description><GeoRegion>West US</GeoRegion><Resources/></CloudService></CloudServices>`,
);

export const collectionInputSchema = xmlDoc(
  'SchedulerJobCollectionInput',
  '<Resource> with SchemaVersion, IntrinsicSettings (Plan, Quota), Label and, to update, ETag',
  `<Resource ${NS}><SchemaVersion>1.1</SchemaVersion><IntrinsicSettings><Plan>Standard</Plan><Quota><MaxJobCount>50</MaxJobCount><MaxRecurrence><Frequency>Minute</Frequency><Interval>1</Interval></MaxRecurrence></Quota></IntrinsicSettings></Resource>`,
);

export const collectionSchema = xmlDoc(
  'SchedulerJobCollection',
  '<Resource>: a job collection with its ETag, state, plan and effective quota',
  `<Resource ${NS}><CloudServiceSettings><GeoRegion>West US</GeoRegion></CloudServiceSettings><ETag>…</ETag><IntrinsicSettings><Plan>Standard</Plan><Quota><MaxJobCount>50</MaxJobCount><MaxRecurrence><Frequency>Minute</Frequency><Interval>1</Interval></MaxRecurrence></Quota></IntrinsicSettings><Label>…</Label><Name>jc1</Name>…<State>Started</State><Type>JobCollections</Type></Resource>`,
);

export const entitleInputSchema = xmlDoc(
  'SchedulerEntitleResource',
  '<EntitleResource>: well-formed, its content ignored',
  `<EntitleResource ${NS}><ResourceProviderNameSpace>scheduler</ResourceProviderNameSpace><Type>JobCollections</Type><RegistrationDate>2014-04-01T00:00:00Z</RegistrationDate></EntitleResource>`,
);

export const providerPropertiesSchema = xmlDoc(
  'SchedulerProviderProperties',
  "<ResourceProviderProperties>: the plans' quotas and the regions, as Key/Value pairs",
  `<ResourceProviderProperties ${NS}><ResourceProviderProperty><Key>…</Key><Value>…</Value></ResourceProviderProperty></ResourceProviderProperties>`,
);

export const nameAvailabilitySchema = xmlDoc(
  'SchedulerNameAvailability',
  '<ResourceNameAvailabilityResponse> with IsAvailable, lowercase true or false',
  `<ResourceNameAvailabilityResponse ${NS}><IsAvailable>true</IsAvailable></ResourceNameAvailabilityResponse>`,
);

export const operationSchema = xmlDoc(
  'SchedulerOperation',
  '<Operation> with ID, Status and HttpStatusCode',
  `<Operation ${NS}><ID>…</ID><Status>Succeeded</Status><HttpStatusCode>200</HttpStatusCode></Operation>`,
);

/** A job definition as created or replaced: the wire schema the service parses. */
export const jobInputSchema = lazySchema(() =>
  JobWire.meta({
    id: 'SchedulerJobDefinition',
    description:
      'A job: its action, optional start time, recurrence and state (docs/classic-scheduler.md#c5).',
  }),
);

export const jobPatchSchema = lazySchema(() =>
  z.looseObject({ stateDetails: z.string().optional() }).meta({
    id: 'SchedulerJobPatch',
    description: 'A JSON merge patch over the job; stateDetails is stored, never echoed.',
  }),
);

export const collectionStateSchema = lazySchema(() =>
  CollectionStateWire.meta({ id: 'SchedulerCollectionState' }),
);

const instant = z.string().describe('ISO 8601, UTC.');

const jobSchema = lazySchema(() =>
  z
    .looseObject({
      id: z.string(),
      startTime: instant.optional(),
      action: z.looseObject({ type: z.string() }),
      recurrence: z.looseObject({ frequency: z.string(), interval: z.number().int() }).optional(),
      state: z.enum(JOB_STATES),
      status: z
        .strictObject({
          lastExecutionTime: instant.optional(),
          nextExecutionTime: instant.optional(),
          executionCount: z.number().int(),
          failureCount: z.number().int(),
          faultedCount: z.number().int(),
        })
        .optional()
        .describe('Left out until the job has a next execution or has run.'),
    })
    .meta({
      id: 'SchedulerJob',
      description: 'A job as clients read it; secrets (passwords, PFX, SAS tokens) are never returned.',
    }),
);

export const jobResponseSchema = jobSchema;

export const jobListSchema = lazySchema(() =>
  z.array(jobSchema()).meta({ id: 'SchedulerJobList', description: 'A bare array, sorted by id.' }),
);

export const historySchema = lazySchema(() =>
  z
    .array(
      z.strictObject({
        jobId: z.string(),
        timestamp: instant,
        startTime: instant,
        endTime: instant,
        state: z.enum(JOB_STATES),
        status: z.enum(HISTORY_STATUSES),
        message: z.string(),
        actionName: z.enum(ACTION_NAMES),
        retryCount: z.number().int(),
        repeatCount: z.number().int(),
        expectedExecutionTime: instant.optional(),
      }),
    )
    .meta({
      id: 'SchedulerJobHistory',
      description: 'A bare array, newest first (docs/classic-scheduler.md#d8).',
    }),
);

/** Query parameters, by the names clients send (any case matches, docs/classic-scheduler.md#a1). */
const apiVersion = z.literal('2014-04-01').optional().describe('When present, 2014-04-01.');
const page = {
  $top: z.string().regex(/^\d+$/).optional().describe('At most this many, 1 to 100.'),
  $skip: z.string().regex(/^\d+$/).optional().describe('Leave out this many first.'),
};

export const registrationQuery = lazySchema(() =>
  z.object({
    service: z.literal('scheduler.JobCollections'),
    action: z.enum(['register', 'unregister']),
  }),
);
export const propertiesQuery = lazySchema(() => z.object({ resourceType: z.literal('JobCollections') }));
export const checkNameQuery = lazySchema(() =>
  z.object({ op: z.literal('checknameavailability'), resourceName: z.string() }),
);
export const jobsQuery = lazySchema(() => z.object({ 'api-version': apiVersion }));
export const jobListQuery = lazySchema(() =>
  z.object({
    'api-version': apiVersion,
    $filter: z.string().optional().describe('state eq <enabled|disabled|completed|faulted>'),
    ...page,
  }),
);
export const historyQuery = lazySchema(() =>
  z.object({
    'api-version': apiVersion,
    $filter: z
      .string()
      .optional()
      .describe('status eq <completed|failed|postponed>, or state eq <a job state>'),
    ...page,
  }),
);
