import { app } from '@azure/functions';
import { runtime } from '../shared/app/runtime';
import { TIMERS } from '../shared/app/timers';

/** The timer table (shared/app/timers.ts), each on the schedule its app setting holds. */
for (const timer of TIMERS) {
  app.timer(timer.name, {
    schedule: `%${timer.setting}%`,
    runOnStartup: false,
    handler: async (_timer, context) => void (await timer.run(runtime(), context)),
  });
}
