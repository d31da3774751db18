// zod's English messages (zod/locales' `en`), for the issues this app's schemas can raise: strings,
// numbers, arrays, objects, enums, unions, regexes and refinements. `en` also names thirty string
// formats (email, UUID, IBAN…) and sizes files, sets and maps, which no schema here uses; the Worker
// bundle carried all of it (0.5 KiB gzip of its 250 KiB budget, docs/performance.md, session 18).
// tests/routes/zod-messages.test.ts holds these to `en`'s text, issue by issue. Most schemas give
// their own message; these are the fallbacks ("Too big: expected string to have <=40 characters").
import type { $ZodRawIssue } from 'zod/v4/core';

/** The units `en` sizes strings and arrays in (it also has file, set and map). */
const UNITS: Record<string, string> = { string: 'characters', array: 'items' };

/** The fields of zod's issues that `en` reads, whichever issue it is. */
interface Issue {
  code?: string;
  origin?: string;
  expected?: string;
  input?: unknown;
  values: readonly unknown[];
  maximum: { toString(): string };
  minimum: { toString(): string };
  exact?: boolean;
  inclusive?: boolean;
  format?: string;
  pattern?: string;
  divisor?: number;
  keys: string[];
  options?: unknown[];
}

const typeName = (type: string, input?: unknown) =>
  type === 'number' && typeof input === 'number' && !Number.isFinite(input)
    ? String(input)
    : type === 'nan'
      ? 'NaN'
      : type;

// zod's util.parsedType, stringifyPrimitive and joinValues, which `en` uses (zod/v4/core's `util`
// namespace, imported, would bring the rest of the core into the bundle).
function parsedType(data: unknown): string {
  if (typeof data === 'number') return Number.isNaN(data) ? 'nan' : 'number';
  if (typeof data === 'object' && data !== null) {
    if (Array.isArray(data)) return 'array';
    if (Object.getPrototypeOf(data) !== Object.prototype && 'constructor' in data && data.constructor)
      return (data.constructor as { name: string }).name;
  }
  return data === null ? 'null' : typeof data;
}

const stringifyPrimitive = (value: unknown) =>
  typeof value === 'bigint' ? `${value}n` : typeof value === 'string' ? `"${value}"` : `${value}`;

const joinValues = (values: readonly unknown[], separator: string) =>
  values.map(stringifyPrimitive).join(separator);

/** `en` names the value "value" when a too_big issue has no origin, and does not for too_small. */
function size(word: string, origin: string | undefined, bound: { toString(): string }, adj: string) {
  const unit = origin === undefined ? undefined : UNITS[origin];
  return unit
    ? `Too ${word}: expected ${origin} to have ${adj}${bound.toString()} ${unit}`
    : `Too ${word}: expected ${origin} to be ${adj}${bound.toString()}`;
}

export function englishMessage(raw: $ZodRawIssue): string {
  const issue = raw as unknown as Issue;
  switch (issue.code) {
    case 'invalid_type':
      return `Invalid input: expected ${typeName(issue.expected ?? '')}, received ${typeName(parsedType(issue.input), issue.input)}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `Invalid input: expected ${stringifyPrimitive(issue.values[0])}`
        : `Invalid option: expected one of ${joinValues(issue.values, '|')}`;
    case 'too_big':
      return size(
        'big',
        issue.origin ?? 'value',
        issue.maximum,
        issue.exact ? 'exactly ' : issue.inclusive ? '<=' : '<',
      );
    case 'too_small':
      return size(
        'small',
        issue.origin,
        issue.minimum,
        issue.exact ? 'exactly ' : issue.inclusive ? '>=' : '>',
      );
    case 'invalid_format':
      return issue.format === 'regex'
        ? `Invalid string: must match pattern ${issue.pattern}`
        : `Invalid ${issue.format}`;
    case 'not_multiple_of':
      return `Invalid number: must be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return `Unrecognized key${issue.keys.length > 1 ? 's' : ''}: ${joinValues(issue.keys, ', ')}`;
    case 'invalid_key':
      return `Invalid key in ${issue.origin}`;
    case 'invalid_union':
      if (Array.isArray(issue.options) && issue.options.length > 0)
        return `Invalid discriminator value. Expected ${issue.options.map((o) => `'${o}'`).join(' | ')}`;
      return issue.inclusive === false ? 'Invalid input: more than one option matched' : 'Invalid input';
    case 'invalid_element':
      return `Invalid value in ${issue.origin}`;
    default:
      return 'Invalid input';
  }
}
