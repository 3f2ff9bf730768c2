/** Who may see a record: everyone; the Committee side; or the Committee side and the State concerned. */
export const confidentialityLevels = ['public', 'committee', 'committee-and-state'] as const;
export type Confidentiality = (typeof confidentialityLevels)[number];

/** Roles of accounts. The public has no account. */
export const roles = ['state-contact', 'provider', 'expert', 'committee', 'secretariat', 'admin'] as const;
export type Role = (typeof roles)[number];
