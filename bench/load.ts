import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { median } from './measure';

/** A service process (bench/server.ts) and what the load side needs to reach it. */
export interface ServerProcess {
  base: string;
  /** Storage requests the server has sent so far. */
  requests(): Promise<number>;
  stop(): Promise<void>;
}

/** Node flags for the service's and the cold processes (BENCH_NODE_ARGS, e.g. `--cpu-prof`). */
export const nodeArgs = (): string[] => process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];

export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const child: ChildProcess = fork(resolve(__dirname, 'server.js'), [], {
    env: { ...process.env, ...env },
    execArgv: nodeArgs(),
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const [first] = (await once(child, 'message')) as [{ port: number }];
  return {
    base: `http://127.0.0.1:${first.port}`,
    async requests() {
      child.send('requests');
      const [m] = (await once(child, 'message')) as [{ requests: number }];
      return m.requests;
    },
    async stop() {
      child.kill();
      await once(child, 'exit');
    },
  };
}

export interface Spread {
  min: number;
  median: number;
  max: number;
}
const spread = (xs: number[]): Spread => ({
  min: Math.min(...xs),
  median: median(xs),
  max: Math.max(...xs),
});

/**
 * Alternating rounds of two measures (which goes first alternates too): the ratio `a / b` of each
 * round, so that a slow spell of a shared machine lands on both sides alike.
 */
export async function rounds(
  count: number,
  a: () => Promise<number>,
  b: () => Promise<number>,
): Promise<{ a: Spread; b: Spread; ratio: Spread }> {
  const as: number[] = [];
  const bs: number[] = [];
  const rs: number[] = [];
  for (let k = 0; k < count; k++) {
    let x: number;
    let y: number;
    if (k % 2 === 0) {
      x = await a();
      y = await b();
    } else {
      y = await b();
      x = await a();
    }
    as.push(x);
    bs.push(y);
    rs.push(x / y);
  }
  return { a: spread(as), b: spread(bs), ratio: spread(rs) };
}
