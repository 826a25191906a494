import { listJobs } from '../../import-export/customer/list-jobs';
import { checkStorageAccountName } from '../../import-export/model/names';
import { jobProperties, jobRef } from './job-presenter';
import { parseListJobsQuery } from './list-jobs-query';
import type { JobSummary } from '../../import-export/model/model';
import type { CustomerRequest } from './pipeline';
import { feedBytes, itemBytes, Renderings, renderingKey } from './odata';
import { customerOp } from './pipeline';
import { openSkipToken, signSkipToken } from './skip-token';
import { jobFeedSchema } from './wire/job-wire.schema';
import { listJobsQuerySchema } from './wire/query.schema';

/** Each job's rendered item, by its parsed version and the request's version and framing. */
const rendered = new Renderings();

const jobItem = (j: JobSummary, req: CustomerRequest<unknown>): Buffer =>
  rendered.of(j, renderingKey(req.version, req.framing), () =>
    itemBytes(req.framing, jobRef(j.Name), { Name: j.Name, Properties: jobProperties(j, req.version, true) }),
  );

/**
 * List Jobs (docs/contract/import-export.md#a10): one page of the account's jobs, oldest first, each as Get Job shows it
 * without DriveList and Export, plus CreatedTime; `odata.nextLink` repeats the request's filters
 * with a signed `$skiptoken` when more remain.
 */
export const listJobsOperation = customerOp({
  summary: 'List Jobs',
  description:
    "The storage account's jobs, oldest first, at most 1000 a page (docs/contract/import-export.md#a10): Get Job's Properties plus CreatedTime, no DriveList or Export. Follow `odata.nextLink` as it is for the next page.",
  success: { status: 200, body: jobFeedSchema },
  query: listJobsQuerySchema,
  errors: ['InvalidQueryParameterValue'],
  async run(req) {
    const storageAccountName = checkStorageAccountName(req.params.account ?? '');
    const params = parseListJobsQuery(req.query);
    const scope = { subscriptionId: req.subscriptionId, storageAccountName, query: params.canonical };
    const resume =
      params.skipToken === undefined ? undefined : openSkipToken(req.rt.tokenKey, scope, params.skipToken);
    const page = await listJobs(req.rt.jobs, {
      subscriptionId: req.subscriptionId,
      storageAccountName,
      filter: params.filter,
      ...(params.top !== undefined && { top: params.top }),
      ...(resume && { resume }),
    });
    let nextLink: string | undefined;
    if (page.next) {
      const token = signSkipToken(req.rt.tokenKey, scope, page.next);
      const query = [...params.carried, ['$skiptoken', token]]
        .map(([name, value]) => `${name}=${encodeURIComponent(value ?? '')}`)
        .join('&');
      nextLink = `${req.framing.base}/storageaccounts/${storageAccountName}/jobs?${query}`;
    }
    const items = page.jobs.map((j) => jobItem(j, req));
    return { status: 200, json: feedBytes(req.framing, 'Jobs', items, nextLink) };
  },
});
