import { apiOf } from '../../shared/edge/routes';
import { ROUTE_DESCRIPTORS, type SurfaceKey } from '../../shared/app/route-descriptors';
import { ALL_ROUTES, ROUTE_TABLES, loadSurface } from '../../shared/app/routes';

/**
 * The registered route table is light descriptors (issue 15's cold start); each surface's own
 * table, loaded on first call, must serve exactly those functions at exactly those templates.
 */
const surfaces = Object.keys(ROUTE_DESCRIPTORS) as SurfaceKey[];

it.each(surfaces)(
  'the %s surface serves exactly the functions and templates registered for it',
  async (s) => {
    const table = await loadSurface(s);
    expect(table.map((r) => [r.name, r.route])).toEqual(ROUTE_DESCRIPTORS[s].map(([n, t]) => [n, t]));
    expect(ROUTE_TABLES[s].map((r) => [r.name, r.route])).toEqual(table.map((r) => [r.name, r.route]));
  },
);

it('registers every function once, with every verb, the catch-all last', () => {
  const names = ALL_ROUTES.map((r) => r.name);
  expect(new Set(names).size).toBe(names.length);
  expect(names.at(-1)).toBe('not-found');
  for (const r of ALL_ROUTES) expect(r.methods).toContain('MERGE');
});

it('loads a surface once: its handlers are the same on every load, and carry their operations', async () => {
  const first = await loadSurface('classic-import-export');
  expect(await loadSurface('classic-import-export')).toBe(first);
  expect(apiOf(first.find((r) => r.name === 'job')!)?.operations.GET).toBeDefined();
  expect(apiOf(ROUTE_TABLES['classic-import-export'][0]!)).toBeUndefined();
});
