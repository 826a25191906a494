import type { Operation } from '../../edge/operation';
import { contentHeaders, pipeline } from '../../edge/pipeline';
import { render, renderError } from '../classic-import-export/envelope';

/** An operation anyone may call: no version header, no certificate, no key (the OpenAPI document). */
export type PublicOperation = Operation<Record<string, never>>;
export const publicOp = (op: PublicOperation): PublicOperation => op;

/** What anyone may read: verb and content headers only, plain JSON answers. */
export const publicApi = pipeline<undefined, object, Record<string, never>>({
  surface: 'public',
  deps: () => undefined,
  steps: [contentHeaders],
  request: () => ({}),
  render: (reply, x) => render(reply, { requestId: x.requestId, head: x.head }),
  renderError: (err, x, log) => renderError(err, { requestId: x.requestId, head: x.head }, log),
});
