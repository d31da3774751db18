// zod for every schema in the app: `zod/mini`, zod's tree-shakable functional API (the same package,
// the same parser core and error messages as `import * as z from 'zod'`, without the methods on every
// schema that keep all of zod — its JSON Schema code included — in the Worker's bundle). Mini sets no
// locale, so English is set here once: messages zod writes itself ("Too big: expected string to have
// <=200 characters") read as they did with classic zod, in zod's English (`en`) as ./zod-messages.ts
// words it for the schemas of this app. Import as `import * as z from '../shared/zod'`.

import { config, pipe, transform, type ZodMiniPipe, type ZodMiniTransform } from 'zod/mini';
import type { SomeType } from 'zod/v4/core';
import { englishMessage } from './zod-messages';

config({ localeError: englishMessage });

export * from 'zod/mini';

/** Classic zod's `z.preprocess`: `fn` runs on the raw input, then `schema` parses what it returns. */
export function preprocess<U extends SomeType>(
  fn: (value: unknown) => unknown,
  schema: U,
): ZodMiniPipe<ZodMiniTransform<unknown, unknown>, U> {
  return pipe(transform(fn), schema as never) as ZodMiniPipe<ZodMiniTransform<unknown, unknown>, U>;
}
