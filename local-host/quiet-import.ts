import type { HttpRoute } from '../shared/edge/routes';

/**
 * Loads the route table. Outside the Functions host, @azure/functions runs in "test mode" and
 * warns once per registration that it registers nothing; those warnings say nothing to a user of
 * the local host, so they are dropped while the functions load.
 */
export async function loadRoutes(): Promise<readonly HttpRoute[]> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    const text = args.map(String).join(' ');
    if (!text.includes('"@azure/functions" package') && !text.includes('Azure Functions runtime'))
      warn(...args);
  };
  try {
    const { routes } = await import('../functions');
    return routes;
  } finally {
    console.warn = warn;
  }
}
