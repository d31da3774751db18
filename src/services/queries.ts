// The parsed shapes of read requests, shared by routes (which validate them) and services.
import type { QueueStatus } from '../../db/queries/links';

export interface QueueQuery {
  status: QueueStatus;
  outlet?: string;
  q?: string;
  limit: number;
  offset: number;
}
