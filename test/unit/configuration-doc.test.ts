import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** docs/configuration.md lists every app setting the configuration schemas read. */
it('documents every app setting of shared/app/*config*.ts in docs/configuration.md', () => {
  const root = join(__dirname, '..', '..');
  const doc = readFileSync(join(root, 'docs', 'configuration.md'), 'utf8');
  const app = join(root, 'shared', 'app');
  const settings = readdirSync(app)
    .filter((f) => /config.*\.ts$/.test(f))
    .flatMap((f) => [...readFileSync(join(app, f), 'utf8').matchAll(/^ {2}([A-Z][A-Za-z0-9_]+): /gm)])
    .map((m) => m[1]!);
  expect(settings.length).toBeGreaterThan(30);
  // `AzureWebJobsStorage__x` may be written `__x` beside its siblings.
  const documented = (s: string) =>
    doc.includes(`\`${s}\``) || (s.includes('__') && doc.includes(`\`__${s.split('__')[1]}\``));
  expect([...new Set(settings)].filter((s) => !documented(s))).toEqual([]);
});
