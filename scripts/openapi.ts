import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadRoutes } from '../local-host/quiet-import';
import { openApiDocument, openApiText } from '../shared/surfaces/openapi/openapi-document';

/** `npm run openapi`: writes the OpenAPI document of the route table to docs/openapi.json. */
async function main(): Promise<void> {
  // Compiled to dist/scripts/openapi.js: the repository root is two levels up.
  const file = resolve(__dirname, '..', '..', 'docs', 'openapi.json');
  mkdirSync(dirname(file), { recursive: true });
  await loadRoutes();
  // The registered routes load their surfaces on first call; the document needs them loaded.
  const { loadedRoutes } = await import('../functions');
  writeFileSync(file, openApiText(openApiDocument(await loadedRoutes())));
  console.log(`wrote ${file}`);
}

void main();
