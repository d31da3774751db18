import type { Role } from './statuses';
// Who is acting, and what their role lets them do. Every state change checks this; the audit log records `login`.

export interface User {
  id: number;
  /** Sign-in name or Access email: what the audit log records. */
  login: string;
  displayName: string;
  role: Role;
}

const RANK: Record<Role, number> = { viewer: 0, reviewer: 1, editor: 2 };

/** Roles are ordered: an editor may do everything a reviewer may, a reviewer everything a viewer may. */
export function hasRole(user: User | null | undefined, role: Role): boolean {
  return !!user && RANK[user.role] >= RANK[role];
}
