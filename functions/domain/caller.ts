/** Who is calling: a staff user of one agency, as the identity provider vouches for them. */

export const ROLES = ['staff', 'agency-admin', 'operator'] as const;
export type Role = (typeof ROLES)[number];

export interface Caller {
  userId: string;
  agencyId: string;
  agencyName: string;
  roles: Role[];
}
