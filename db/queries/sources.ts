// Outlets: one row per name.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { sources } from '../schema';

/** The source's id, creating the row when the name is new (a no-op update makes RETURNING work on conflict). */
export async function upsertSource(db: Db, name: string, homepage?: string | null): Promise<number> {
  const [row] = await db
    .insert(sources)
    .values({ name, homepage: homepage ?? null })
    .onConflictDoUpdate({ target: sources.name, set: { name } })
    .returning({ id: sources.id });
  if (row) return row.id;
  const found = await db.select({ id: sources.id }).from(sources).where(eq(sources.name, name)).get();
  if (!found) throw new Error(`Could not store the source ${name}`);
  return found.id;
}

export async function listSources(db: Db): Promise<{ id: number; name: string }[]> {
  return db.select({ id: sources.id, name: sources.name }).from(sources).orderBy(asc(sources.name));
}
