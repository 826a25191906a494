import { EdgeError } from '../../edge/errors';
import { jobsNeedingAttention } from '../../import-export/datacenter/attention';
import { JobStateSchema, type JobState } from '../../import-export/model/model';
import { worklistSchema } from './wire/operator-wire.schema';
import { worklistQuerySchema } from '../classic-import-export/wire/query.schema';
import { attentionItem } from './operator-presenter';
import { operatorOp } from './pipeline';

const badQuery = (name: string, value: string, message: string) =>
  new EdgeError('InvalidQueryParameterValue', message, `${name}=${value}`);

function statesOf(value: string | null): JobState[] | undefined {
  if (value === null) return undefined;
  return value.split(',').map((s) => {
    const parsed = JobStateSchema.safeParse(s);
    if (!parsed.success)
      throw badQuery('state', value, `state lists job states: ${JobStateSchema.options.join(', ')}.`);
    return parsed.data;
  });
}

function topOf(value: string | null): number {
  if (value === null) return 1000;
  const top = Number(value);
  if (!/^\d+$/.test(value) || top < 1 || top > 1000) throw badQuery('$top', value, '$top is 1 to 1000.');
  return top;
}

/** `$skiptoken`: the last position served, as base64url JSON `[partition, row]`. */
const tokenOf = (after: { partition: string; row: string }): string =>
  Buffer.from(JSON.stringify([after.partition, after.row])).toString('base64url');

function afterOf(value: string | null): { partition: string; row: string } | undefined {
  if (value === null) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((p) => typeof p === 'string'))
      return { partition: parsed[0] as string, row: parsed[1] as string };
  } catch {
    // reported below
  }
  throw badQuery('$skiptoken', value, '$skiptoken is not a token this service issued.');
}

/**
 * GET /operator/jobs[?state=...][&$top=][&$skiptoken=] (docs/contract/import-export.md#b): the operators' worklist across
 * subscriptions; `nextLink` continues it when more remain.
 */
export const attentionOperation = operatorOp({
  summary: 'Jobs needing the datacenter',
  description:
    'Across subscriptions: jobs in Shipping to Packaging or Faulted, and jobs with overdue alerts (docs/contract/import-export.md#b, #c2).',
  success: { status: 200, body: worklistSchema },
  query: worklistQuerySchema,
  errors: ['InvalidQueryParameterValue'],
  async run({ rt, query, url }) {
    const states = statesOf(query.get('state'));
    const after = afterOf(query.get('$skiptoken'));
    const page = await jobsNeedingAttention(rt.datacenter, {
      ...(states && { states }),
      ...(after && { after }),
      limit: topOf(query.get('$top')),
    });
    let nextLink: string | undefined;
    if (page.cursor) {
      const next = new URL(url);
      next.searchParams.set('$skiptoken', tokenOf(page.cursor));
      nextLink = next.toString();
    }
    return { status: 200, json: { value: page.jobs.map(attentionItem), ...(nextLink && { nextLink }) } };
  },
});
