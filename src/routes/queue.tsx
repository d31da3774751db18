// GET / — the conflict queue (filters, search, sort, pages all in the URL); htmx requests get only the list.
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { QueuePage } from '../../views/pages/queue';
import { QueueList } from '../../views/partials/queue-list';
import { conflictQueue } from '../services/conflicts';
import type { AppDeps, AppEnv } from './app-types';
import { pageOrFragment, renderError } from './render';
import { errorSummary, queueQuery } from './schemas';

export function queueRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get(
    '/',
    zValidator('query', queueQuery, (r, c) =>
      r.success ? undefined : renderError(c, 400, errorSummary(r.error)),
    ),
    async (c) => {
      const queue = await conflictQueue(deps.db, c.req.valid('query'), c.get('user'));
      return pageOrFragment(
        c,
        queue.query.assignee === 'me' ? 'My queue' : 'Conflict queue',
        () => <QueuePage queue={queue} />,
        () => <QueueList queue={queue} />,
        { nav: 'queue' },
      );
    },
  );
}
