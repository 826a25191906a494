import { app } from '@azure/functions';
import { runtime } from '../shared/app/runtime';
import { runSweep } from '../shared/app/sweep-runner';

/**
 * The timers of SPEC C.2: one sweep applies all four rules. The schedule is the app setting
 * SWEEP_SCHEDULE (validated at start-up by the configuration); a missed run is not replayed on
 * start, since the next run catches up on everything due meanwhile.
 */
app.timer('sweep-timer', {
  schedule: '%SWEEP_SCHEDULE%',
  runOnStartup: false,
  handler: async (_timer, context) => void (await runSweep(runtime(), context)),
});
