import type { HttpRoute } from '../../shared/edge/routes';
import { ALL_METHODS } from '../../shared/edge/routes';
import { RouteMatcher } from '../../local-host/route-matcher';

const route = (name: string, template: string, methods = ALL_METHODS): HttpRoute => ({
  name,
  route: template,
  methods,
  authLevel: 'anonymous',
  handler: () => ({ status: 200 }),
});

describe('the local host route matcher', () => {
  const matcher = new RouteMatcher([
    route('catch-all', '{*path}'),
    route('job', '{sub}/services/importexport/storageaccounts/{account}/jobs/{job}'),
    route('jobs', '{sub}/services/importexport/storageaccounts/{account}/jobs'),
    route('metadata', '{sub}/services/importexport/$metadata'),
    route('base', '{sub}/services/importexport'),
    route('location', '{sub}/services/importexport/locations/{location}'),
    route('operator-jobs', 'operator/jobs', ['GET']),
  ]);
  const name = (path: string, method = 'GET') => matcher.match(path, method)?.route.name;

  it('matches literal segments case-insensitively and binds parameters', () => {
    const m = matcher.match('/SUB/Services/ImportExport/StorageAccounts/xttest/Jobs/MyJob', 'GET');
    expect(m?.route.name).toBe('job');
    expect(m?.params).toEqual({ sub: 'SUB', account: 'xttest', job: 'MyJob' });
  });

  it('decodes parameters', () => {
    expect(matcher.match('/s/services/importexport/locations/West%20US', 'GET')?.params.location).toBe(
      'West US',
    );
  });

  it('decodes literal segments and the catch-all, and keeps a malformed escape as it came', () => {
    expect(name('/s/services/%49mport%45xport/%24metadata')).toBe('metadata');
    expect(matcher.match('/a%2Fb/c%20d', 'GET')?.params).toEqual({ path: 'a/b/c d' });
    expect(matcher.match('/s/services/importexport/locations/100%', 'GET')?.params.location).toBe('100%');
  });

  it('prefers a template that ends at the path over a catch-all that would match nothing there', () => {
    const arm = new RouteMatcher([
      route('rest', 'subscriptions/{*rest}'),
      route('list', 'subscriptions'),
      route('group', 'subscriptions/{sub}/resourcegroups/{rg}'),
    ]);
    expect(arm.match('/subscriptions', 'GET')?.route.name).toBe('list');
    expect(arm.match('/subscriptions/s/resourceGroups/g', 'GET')?.route.name).toBe('group');
    expect(arm.match('/subscriptions/s/other', 'GET')).toMatchObject({
      route: { name: 'rest' },
      params: { rest: 's/other' },
    });
  });

  it('prefers literals over parameters over the catch-all', () => {
    expect(name('/s/services/importexport/$metadata')).toBe('metadata');
    expect(name('/s/services/importexport')).toBe('base');
    expect(name('/operator/jobs')).toBe('operator-jobs');
    expect(name('/s/services/importexport/storageaccounts/a/jobs/j/extra')).toBe('catch-all');
    expect(matcher.match('/a/b/c', 'GET')?.params).toEqual({ path: 'a/b/c' });
  });

  it('skips a route that does not take the method', () => {
    expect(name('/operator/jobs', 'POST')).toBe('catch-all');
  });
});
