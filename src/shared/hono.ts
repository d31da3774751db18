// Hono with its TrieRouter alone, for every app and sub-app (import { Hono } from '../shared/hono').
// `hono`'s default class routes through a SmartRouter that tries RegExpRouter first and keeps TrieRouter
// for the patterns RegExpRouter refuses; both give the same matches (hono runs one routing suite
// against each), and ours are plain paths, `:param`s and a trailing `*`. The Worker bundle then carries
// one router instead of three: 1.7 KiB gzip of its 250 KiB budget (docs/performance.md, session 18).
// Only the root app's router is used (app.route() copies a sub-app's routes into its parent).
import { HonoBase, type HonoOptions } from 'hono/hono-base';
import { TrieRouter } from 'hono/router/trie-router';
import type { BlankEnv, BlankSchema, Env, Schema } from 'hono/types';

export class Hono<
  E extends Env = BlankEnv,
  S extends Schema = BlankSchema,
  BasePath extends string = '/',
> extends HonoBase<E, S, BasePath> {
  constructor(options: HonoOptions<E> = {}) {
    super(options);
    this.router = new TrieRouter();
  }
}
