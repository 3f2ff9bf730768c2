import { type Kysely, sql } from 'kysely';

// Every rule of uniqueness is an index, so that two writers checking at once cannot both pass:
// a report's UN symbol is one report's (the last rule that only the write core checked). And the
// unique indexes whose columns are not the field a reader knows are renamed `<name>__<field>`:
// the HTTP edge names that field in the 409 of a unique violation (platform/http/database-errors.ts).
//
// A database may already hold reports sharing a symbol, made by two requests at once before this
// index. The migration does not stop on them (a server that will not start cannot be repaired
// through its pages) and deletes nothing: the oldest report with a symbol stays, each later one is
// archived, as a keeper would, with an audit event that names the migration and the report kept.
// A twin made by a double submission is then out of the lists and the figures; a distinct report
// given the wrong symbol is restored by a keeper after its symbol is corrected (the restore checks it).
export async function up(db: Kysely<unknown>): Promise<void> {
  const twins = await sql<Record<string, unknown> & { id: string; symbol: string; kept: string }>`
    select r.*, d.kept from national_report r
    join (
      select id, first_value(id) over w as kept, row_number() over w as n
      from national_report
      where symbol <> '' and archived_at is null
      window w as (partition by symbol order by created_at, id)
    ) d on d.id = r.id
    where d.n > 1
    order by r.symbol, r.created_at, r.id`.execute(db);
  for (const twin of twins.rows) {
    const { kept, created_at: _c, updated_at: _u, ...before } = twin;
    const after = await sql<Record<string, unknown>>`
      update national_report set archived_at = now(), row_version = row_version + 1, updated_at = now()
      where id = ${twin.id}
      returning *`.execute(db);
    const { created_at: _c2, updated_at: _u2, ...row } = after.rows[0]!;
    const note = `archived by the migration 0014-uniqueness: the symbol ${twin.symbol} is that of the report ${kept}, recorded first; correct the symbol of one of them before restoring this one`;
    await sql`
      insert into audit_event (actor_id, actor_label, action, record_type, record_id, confidentiality, state_iso3, before, after)
      values (null, 'system', 'archive', 'national-report', ${twin.id}, ${row.confidentiality}, ${row.state_iso3},
        ${JSON.stringify(before)}::jsonb, ${JSON.stringify({ ...row, note })}::jsonb)`.execute(db);
  }
  await sql`
    create unique index national_report_symbol__symbol on national_report (symbol)
      where symbol <> '' and archived_at is null`.execute(db);

  // The rules that were indexes already, named for the field a reader corrects.
  await sql`alter index national_report_one_first rename to national_report_one_first__kind`.execute(db);
  await sql`alter index action_plan_number rename to action_plan_number__number`.execute(db);
  await sql`alter index matrix_one_open rename to matrix_one_open__state`.execute(db);
  await sql`alter table matrix rename constraint matrix_state_iso3_number_key to matrix_state_number__state`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('r1540 migrations are not reversed: restore a backup instead');
}
