import fp from 'fastify-plugin';
import { createEventDispatcher, eventsEmittedSoFar } from '../events/index.js';
import { createJobScheduler } from './job.scheduler.js';

/**
 * Runs the outbox dispatcher and the job scheduler for the life of the app:
 * they start once the app is ready and stop (finishing their pass) before it
 * closes. A request that wrote events has them dispatched right after its
 * response instead of at the next poll.
 */
export const backgroundPlugin = fp(async (app) => {
  const db = app.database.db;
  const dispatcher = createEventDispatcher(db, app.log);
  const scheduler = createJobScheduler(db, app.log);
  let seen = eventsEmittedSoFar();

  app.addHook('onReady', async () => {
    dispatcher.start();
    scheduler.start();
  });
  app.addHook('onResponse', async () => {
    const now = eventsEmittedSoFar();
    if (now === seen) return;
    seen = now;
    dispatcher.kick();
  });
  app.addHook('onClose', async () => {
    await Promise.all([dispatcher.stop(), scheduler.stop()]);
  });
});
