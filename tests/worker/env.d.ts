// Just the parts of workerd's test modules these tests use. @cloudflare/workers-types is not loaded
// globally because its Request/Response/fetch declarations clash with the DOM lib the rest of the repo uses.
declare module 'cloudflare:test' {
  export interface D1Migration {
    name: string;
    queries: string[];
  }
  export const env: { DB: unknown; TEST_MIGRATIONS: D1Migration[] };
  /** The `main` Worker behind wrangler.toml's [assets], as a deployed request would see it. */
  export const SELF: { fetch(input: string | Request, init?: RequestInit): Promise<Response> };
  export function applyD1Migrations(db: unknown, migrations: D1Migration[], table?: string): Promise<void>;
  export function createExecutionContext(): {
    waitUntil(p: Promise<unknown>): void;
    passThroughOnException(): void;
  };
  export function waitOnExecutionContext(ctx: unknown): Promise<void>;
}

// Vite's ?raw imports: the seed articles are bundled into the test, since workerd has no file system.
declare module '*.txt?raw' {
  const text: string;
  export default text;
}

declare module '*.html?raw' {
  const text: string;
  export default text;
}

declare module '*.xml?raw' {
  const text: string;
  export default text;
}

declare module '*.json?raw' {
  const text: string;
  export default text;
}
