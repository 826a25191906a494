import { listPosition, placedJobs } from '../../import-export/customer/placed-jobs';
import { parseFilter } from './arm-filter';
import { jobResource } from './arm-job-presenter';
import { decodeSkipToken, encodeSkipToken, parseTop } from './arm-paging';
import type { ArmRequest } from './pipeline';
import { armOp } from './pipeline';
import * as d from './arm-doc-wire.schema';

/**
 * Jobs of the subscription or of one group (docs/arm-import-export.md#c7): oldest first, pages of
 * ARM_LIST_PAGE_SIZE, `$top` capping the whole result, `nextLink` carrying the query.
 */
async function listPage(req: ArmRequest<unknown>, group: string | undefined) {
  const filterText = req.query.get('$filter');
  const topText = req.query.get('$top');
  const top = parseTop(topText);
  const matches = parseFilter(filterText);
  const binding = [req.subscriptionId, group?.toLowerCase() ?? '', filterText ?? '', topText ?? ''].join(
    '\n',
  );
  const token = req.query.get('$skiptoken');
  const at =
    token !== undefined ? decodeSkipToken(req.rt.arm.pageKey, binding, token) : { after: '', returned: 0 };
  const classicGroup = req.rt.config.arm.classicResourceGroup;
  const all = (await placedJobs(req.rt.jobs, req.subscriptionId, group, classicGroup))
    .map((v) => v.value)
    .filter((j) => listPosition(j) > at.after && matches(j));
  const room = Math.min(req.rt.config.arm.pageSize, (top ?? Infinity) - at.returned);
  const page = all.slice(0, Math.max(0, room));
  const returned = at.returned + page.length;
  const last = page[page.length - 1];
  const more = last !== undefined && all.length > page.length && (top === undefined || returned < top);
  const ctx = { subscriptionId: req.subscriptionId, classicGroup, apiVersion: req.apiVersion };
  let nextLink: string | undefined;
  if (more) {
    const q = new URLSearchParams({ 'api-version': req.apiVersion });
    if (filterText !== undefined) q.set('$filter', filterText);
    if (topText !== undefined) q.set('$top', topText);
    q.set(
      '$skiptoken',
      encodeSkipToken(req.rt.arm.pageKey, binding, { after: listPosition(last), returned }),
    );
    nextLink = `${req.origin}${req.path}?${q.toString()}`;
  }
  return {
    status: 200,
    json: { value: page.map((j) => jobResource(j, ctx)), ...(nextLink && { nextLink }) },
  };
}

export const listBySubscriptionOperation = armOp({
  summary: "Lists the subscription's jobs (Jobs_ListBySubscription).",
  success: { status: 200, body: d.jobListSchema },
  query: d.listQuery,
  errors: ['AuthorizationFailed', 'InvalidFilter'],
  permission: 'Microsoft.ImportExport/jobs/read',
  run: (req) => listPage(req, undefined),
});

export const listByResourceGroupOperation = armOp({
  summary: "Lists a resource group's jobs (Jobs_ListByResourceGroup).",
  success: { status: 200, body: d.jobListSchema },
  query: d.listQuery,
  errors: ['AuthorizationFailed', 'InvalidFilter'],
  permission: 'Microsoft.ImportExport/jobs/read',
  run: (req) => listPage(req, req.resourceGroup),
});
