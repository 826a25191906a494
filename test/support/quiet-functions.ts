/**
 * @azure/functions warns once per registration that it is in test mode outside the Functions
 * host (see local-host/quiet-import.ts); tests load every function, so those lines are dropped.
 */
const warn = console.warn;
console.warn = (...args: unknown[]) => {
  const text = args.map(String).join(' ');
  if (!text.includes('"@azure/functions" package') && !text.includes('Azure Functions runtime'))
    warn(...args);
};
