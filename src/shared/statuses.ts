// The statuses a claim or a conflict can have and the roles an account can hold: stored by db/schema.ts,
// checked by services, offered by views.
export const CLAIM_STATUSES = ['unreviewed', 'verified', 'disputed', 'false', 'unverifiable'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const LINK_STATUSES = ['open', 'a_holds', 'b_holds', 'neither', 'dismissed'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

/** viewer reads; reviewer marks claims, resolves conflicts, adds notes; editor also reopens, overrides, deletes, manages accounts. */
export const ROLES = ['viewer', 'reviewer', 'editor'] as const;
export type Role = (typeof ROLES)[number];
