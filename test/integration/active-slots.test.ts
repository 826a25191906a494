import { ActiveSlots, slotRowKey } from '../../shared/adapters/table/active-slots';
import { newSubscription, testRuntime } from '../support/runtime';

/** The quota slots of docs/contract/import-export.md#d3 (active-slots.ts), against the jobs table. */
const rt = testRuntime();
beforeAll(() => rt.tables.ensure());

it('counts a slot once when a reload finds the row of a claim still in flight', async () => {
  const sub = newSubscription();
  const table = await rt.tables.table('jobs');
  const slots = new ActiveSlots(() => rt.tables.table('jobs'));
  // Another instance's job holds slot 1.
  await table.createEntity({ partitionKey: sub, rowKey: slotRowKey(1), Job: 'Other' });
  const a = await slots.claim(sub, 'A', 2);
  expect(a.slot).toBe(0);
  // A's transaction has committed its slot row; its answer (done) has not come back yet.
  await table.createEntity({ partitionKey: sub, rowKey: slotRowKey(0), Job: 'A' });
  // The other instance's job ends: one of the two slots is free.
  await table.deleteEntity(sub, slotRowKey(1));
  const b = await slots.claim(sub, 'B', 2);
  expect(b.slot).toBe(1);
});
