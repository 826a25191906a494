/**
 * The cold floor of List Jobs (bench/scenarios.ts): in a fresh process, the SDK loaded, a client
 * made and the 1,000-row query read; prints the milliseconds from the start of the query's work.
 */
async function main(): Promise<void> {
  const from = performance.now();
  const { TableClient } = await import('@azure/data-tables');
  const table = TableClient.fromConnectionString(
    process.env.AzureWebJobsStorage ?? '',
    `${process.env.STORAGE_PREFIX ?? ''}jobs`,
    { allowInsecureConnection: true },
  );
  const filter = process.env.BENCH_FILTER ?? '';
  await table.listEntities({ queryOptions: { filter } }).byPage({ maxPageSize: 1000 }).next();
  process.stdout.write(String(performance.now() - from));
}

void main();
export {};
