import type { Azurite } from '../../local-host/azurite';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __AZURITE__?: Azurite }).__AZURITE__?.stop();
}
