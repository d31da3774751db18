// The app factory: middleware, routes and error pages. It imports no database driver and no runtime API.

import { identify } from './auth/identify';
import { signInToRead } from './auth/read-gate';
import { databaseHealth } from './middleware/db-unavailable';
import { notFound, onError } from './middleware/errors';
import { security } from './middleware/security';
import { adminRoutes } from './routes/admin';
import { apiRoutes } from './routes/api';
import { articleRoutes } from './routes/articles';
import { claimRoutes } from './routes/claims';
import { compareRoutes } from './routes/compare';
import { conflictRoutes } from './routes/conflicts';
import { factRoutes } from './routes/facts';
import { feedApiRoutes, feedRoutes } from './routes/feeds';
import { importApiRoutes, importRoutes } from './routes/imports';
import { queueRoutes } from './routes/queue';
import { signInRoutes } from './routes/signin';
import { storyApiRoutes, storyRoutes } from './routes/stories';
import { webhookApiRoutes, webhookRoutes } from './routes/webhooks';
import type { AppDeps, AppEnv } from './shared/app-env';
import { Hono } from './shared/hono';

export type { AppDeps } from './shared/app-env';

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use(security());
  if (deps.health) app.use(databaseHealth(deps.health));
  if (deps.writeLimiter) app.use(deps.writeLimiter);
  app.use(identify(deps.db, deps.identify, deps.settings?.sessionIdleMinutes));
  if (deps.settings?.readRequiresSignin) app.use(signInToRead());
  app.route('/', signInRoutes(deps));
  app.route('/admin', adminRoutes(deps));
  app.route('/', queueRoutes(deps));
  app.route('/conflicts', conflictRoutes(deps));
  app.route('/articles', articleRoutes(deps));
  app.route('/claims', claimRoutes(deps));
  app.route('/facts', factRoutes(deps));
  app.route('/stories', storyRoutes(deps));
  app.route('/compare', compareRoutes(deps));
  app.route('/api/stories', storyApiRoutes(deps));
  app.route('/feeds', feedRoutes(deps));
  app.route('/api/feeds', feedApiRoutes(deps));
  app.route('/imports', importRoutes(deps));
  app.route('/api/imports', importApiRoutes(deps));
  app.route('/webhooks', webhookRoutes(deps));
  app.route('/api/webhooks', webhookApiRoutes(deps));
  app.route('/api', apiRoutes(deps));
  app.onError(onError);
  app.notFound(notFound);
  return app;
}
