// V8 CPU profiles of workerd isolates for measure:workerd's `--profile DIR`: workerd's inspector
// (Miniflare's `inspectorPort`) speaks the Chrome DevTools Protocol per worker, over a WebSocket (the
// `ws` package Miniflare itself depends on). Sampling slows the isolate, so a profiled run's CPU
// figures are not the budget's; its profiles say where the time goes (summarise-profile.ts).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

interface Socket {
  on(event: 'message', cb: (data: Buffer) => void): void;
  once(event: 'open' | 'error', cb: (err?: Error) => void): void;
  send(data: string): void;
  close(): void;
}
const WebSocket = createRequire(import.meta.url)('ws') as new (url: string) => Socket;

/** One worker's profiler. */
class WorkerProfiler {
  private next = 1;
  private waiting = new Map<number, (result: unknown) => void>();
  constructor(private socket: Socket) {
    socket.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as { id?: number; result?: unknown };
      if (msg.id !== undefined) this.waiting.get(msg.id)?.(msg.result);
    });
  }
  static async open(port: number, worker: string): Promise<WorkerProfiler> {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/core:user:${worker}`);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const p = new WorkerProfiler(socket);
    await p.call('Profiler.enable');
    await p.call('Profiler.setSamplingInterval', { interval: 50 });
    return p;
  }
  call(method: string, params: object = {}): Promise<unknown> {
    const id = this.next++;
    this.socket.send(JSON.stringify({ id, method, params }));
    return new Promise((resolve) => this.waiting.set(id, resolve));
  }
  close() {
    this.socket.close();
  }
}

/** Profiles the named workers together: start, then stop into `<dir>/<name>.<worker>.cpuprofile`. */
export async function workerdProfiler(port: number, workers: string[], dir: string) {
  const profilers = await Promise.all(workers.map((w) => WorkerProfiler.open(port, w)));
  return {
    start: () => Promise.all(profilers.map((p) => p.call('Profiler.start'))),
    async stop(name: string) {
      const slug = name
        .replace(/[^a-z0-9]+/gi, '-')
        .replace(/^-|-$/g, '')
        .toLowerCase();
      for (const [k, p] of profilers.entries()) {
        const { profile } = (await p.call('Profiler.stop')) as { profile: unknown };
        writeFileSync(join(dir, `${slug}.${workers[k]}.cpuprofile`), JSON.stringify(profile));
      }
    },
    close: () => {
      for (const p of profilers) p.close();
    },
  };
}
