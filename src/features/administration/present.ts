import type { AppointmentRow, ContributionRow, DonorRow, GrantRow } from './queries.ts';
import type { GrantActivity } from './schema.ts';

/*
 * What a reader sees of each record, whatever the door (the pages, the API, the bundle, the
 * history): the camelCase record. The queries decide whether the reader sees the record at all.
 */

const amountOf = (v: string | number | null) => (v === null ? null : Number(v));

export function appointmentRecord(a: AppointmentRow) {
  return {
    id: a.id,
    role: a.role,
    personName: a.person_name,
    stateIso3: a.state_iso3.trim(),
    startsOn: a.starts_on,
    endsOn: a.ends_on,
    note: a.note,
    source: a.source,
    confidentiality: a.confidentiality,
    archived: a.archived_at !== null,
    rowVersion: a.row_version,
  };
}

export function donorRecord(d: DonorRow) {
  return {
    id: d.id,
    donorKind: d.donor_kind,
    stateIso3: d.state_iso3?.trim() ?? null,
    organizationCode: d.organization_code,
    note: d.note,
    source: d.source,
    archived: d.archived_at !== null,
    rowVersion: d.row_version,
  };
}

export function contributionRecord(c: ContributionRow) {
  return {
    id: c.id,
    donorId: c.donor_id,
    year: c.year,
    amount: amountOf(c.amount),
    currency: c.currency?.trim() ?? null,
    note: c.note,
    source: c.source,
    archived: c.archived_at !== null,
    rowVersion: c.row_version,
  };
}

export function grantRecord(g: GrantRow) {
  return {
    id: g.id,
    contributionId: g.contribution_id,
    usedInYear: g.used_in_year,
    purpose: g.purpose,
    amount: amountOf(g.amount),
    currency: g.currency?.trim() ?? null,
    activities: (g.activities ?? []) as GrantActivity[],
    note: g.note,
    source: g.source,
    archived: g.archived_at !== null,
    rowVersion: g.row_version,
  };
}

/** The records as the bundle carries them (no row version). */
const bundled =
  <R extends { rowVersion: number }, A>(record: (row: A) => R) =>
  (row: A): Omit<R, 'rowVersion'> => {
    const { rowVersion: _v, ...rest } = record(row);
    return rest;
  };

export const presentAppointment = bundled(appointmentRecord);
export const presentDonor = bundled(donorRecord);
export const presentContribution = bundled(contributionRecord);
export const presentGrant = bundled(grantRecord);
export type AppointmentView = ReturnType<typeof presentAppointment>;
export type DonorView = ReturnType<typeof presentDonor>;
export type ContributionView = ReturnType<typeof presentContribution>;
export type GrantView = ReturnType<typeof presentGrant>;
