// The extraction thread's side of src/node-compute/pool.ts: runs one job at a time, each a pure call of
// src/services/compute.ts's in-thread implementation, and answers with its value or its error.
import { parentPort } from 'node:worker_threads';
import { inThreadCompute } from '../services/compute';
import { prepareEach } from '../services/ingest-prepare';
import type { Job, Reply } from './messages';

const port = parentPort;
if (!port) throw new Error('src/node-compute/thread.ts runs only as a worker thread');

port.on('message', async (job: Job) => {
  let reply: Reply;
  try {
    const value =
      job.kind === 'extract'
        ? await inThreadCompute.extract(job.text, job.options)
        : job.kind === 'prepare'
          ? await prepareEach(job.inputs, inThreadCompute)
          : await inThreadCompute.compareJson(job.documents, job.options);
    reply = { id: job.id, ok: true, value };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    reply = { id: job.id, ok: false, name: e.name, message: e.message };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
