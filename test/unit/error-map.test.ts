import type { ClassicCode as ErrorCode } from '../../shared/surfaces/classic-import-export/errors';
import { ImportExportError } from '../../shared/import-export/model/errors';
import { statusOf } from '../../shared/surfaces/classic-import-export/error-map';
import { renderError } from '../../shared/surfaces/classic-import-export/envelope';
import { KernelError } from '../../shared/kernel/errors';

describe('error mapping (docs/contract/import-export.md#a4)', () => {
  it.each<[ErrorCode, number]>([
    ['MissingOrIncorrectVersionHeader', 400],
    ['InvalidRequestBody', 400],
    ['AuthenticationFailed', 403],
    ['ResourceNotFound', 404],
    ['MethodNotAllowed', 405],
    ['NotAcceptable', 406],
    ['UnsupportedMediaType', 406],
    ['JobAlreadyExists', 409],
    ['ActiveJobQuotaExceeded', 409],
    ['InvalidJobState', 409],
    ['ConditionNotMet', 412],
    ['RequestBodyTooLarge', 413],
    ['InternalError', 500],
    ['StorageWriteFailed', 502],
    ['ServiceUnavailable', 503],
  ])('maps %s to %i', (code, status) => {
    expect(statusOf(code)).toBe(status);
  });

  const ctx = { requestId: '0123456789abcdef0123456789abcdef', version: '2014-11-01', head: false };

  it('renders the OData error body with the ExtendedCode and ExtendedInformation', () => {
    const res = renderError(new ImportExportError('InvalidJobName', 'Bad name.', 'x y'), ctx, {
      error: () => undefined,
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body as string)).toEqual({
      'odata.error': {
        code: '400',
        message: { lang: 'en-US', value: 'Bad name.' },
        'azure.values': [{ ExtendedCode: 'InvalidJobName' }, { ExtendedInformation: 'x y' }],
      },
    });
    expect(res.headers).toMatchObject({
      'x-ms-request-id': ctx.requestId,
      'x-ms-version': '2014-11-01',
      'Cache-Control': 'no-cache',
    });
  });

  it('turns an unknown error into a logged 500 that says nothing of it, quoting the request id', () => {
    const logged: string[] = [];
    const res = renderError(new Error('boom at AccountKey=abc123;'), ctx, {
      error: (...a: unknown[]) => void logged.push(a.map(String).join(' ')),
    });
    expect(res.status).toBe(500);
    expect(res.body).not.toContain('boom');
    expect(res.body).toContain(ctx.requestId);
    expect(logged.join('\n')).toContain('boom');
    expect(logged.join('\n')).toContain(ctx.requestId);
    expect(logged.join('\n')).not.toContain('abc123');
  });

  it('sets Retry-After on 503', () => {
    const res = renderError(new KernelError('ServiceUnavailable', 'down'), ctx, { error: () => undefined });
    expect(res.headers).toMatchObject({ 'Retry-After': '5' });
  });

  it('sends no body on HEAD', () => {
    expect(
      renderError(
        new ImportExportError('ResourceNotFound', 'no'),
        { ...ctx, head: true },
        { error: () => undefined },
      ).body,
    ).toBeUndefined();
  });
});
