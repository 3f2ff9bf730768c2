/** Who may see a record: everyone; the Committee side; or the Committee side and the State concerned. */
export const confidentialityLevels = ['public', 'committee', 'committee-and-state'] as const;
export type Confidentiality = (typeof confidentialityLevels)[number];

/** Roles of accounts. The public has no account. */
export const roles = ['state-contact', 'provider', 'expert', 'committee', 'secretariat', 'admin'] as const;
export type Role = (typeof roles)[number];

/**
 * The level and State an audit event of a change carries: its history shows the record before and
 * after, so it is shown only to those who could see both. A record moved from one State to
 * another keeps its history on the Committee side.
 */
export function changeScope(
  before: { confidentiality: Confidentiality; state_iso3?: string | null },
  after: { confidentiality: Confidentiality; state_iso3?: string | null },
): { confidentiality: Confidentiality; stateIso3: string | null } {
  const open = (c: Confidentiality) => (c === 'public' ? 2 : c === 'committee-and-state' ? 1 : 0);
  const level = open(before.confidentiality) <= open(after.confidentiality) ? before.confidentiality : after.confidentiality;
  const state = after.state_iso3 ?? null;
  if (level !== 'public' && (before.state_iso3 ?? null) !== state) return { confidentiality: 'committee', stateIso3: state };
  return { confidentiality: level, stateIso3: state };
}
