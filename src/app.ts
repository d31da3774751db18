// The app factory: middleware, routes and error pages. It imports no database driver and no runtime API.
import { Hono } from 'hono';
import { identify } from './auth/identify';
import { notFound, onError } from './middleware/errors';
import { security } from './middleware/security';
import { apiRoutes } from './routes/api';
import type { AppDeps, AppEnv } from './routes/app-types';
import { articleRoutes } from './routes/articles';
import { claimRoutes } from './routes/claims';
import { conflictRoutes } from './routes/conflicts';
import { queueRoutes } from './routes/queue';

export type { AppDeps } from './routes/app-types';

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use(security());
  app.use(identify(deps.db));
  app.route('/', queueRoutes(deps));
  app.route('/conflicts', conflictRoutes(deps));
  app.route('/articles', articleRoutes(deps));
  app.route('/claims', claimRoutes(deps));
  app.route('/api', apiRoutes(deps));
  app.onError(onError);
  app.notFound(notFound);
  return app;
}
