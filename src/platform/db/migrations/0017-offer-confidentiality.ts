import { type Kysely, sql } from 'kysely';

// Which side made an offer of assistance Committee-only: the provider (which may make it public
// again) or the Committee side (experts, the secretariat, administrators), which alone may then
// lower it. An offer already Committee-only is the Committee side's, unless its history shows that
// the provider's own account made it so.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table assistance_offer add column confidentiality_set_by text not null default 'provider'
      check (confidentiality_set_by in ('provider', 'committee'))`.execute(db);
  await sql`
    update assistance_offer o set confidentiality_set_by = 'committee'
    where o.confidentiality = 'committee'
      and coalesce((
        select u.role from audit_event e left join app_user u on u.id = e.actor_id
        where e.record_type = 'assistance-offer' and e.record_id = o.id::text
          and e.after ->> 'confidentiality' = 'committee'
          and (e.before is null or e.before ->> 'confidentiality' is distinct from 'committee')
        order by e.id desc
        limit 1
      ), '') <> 'provider'`.execute(db);
}
