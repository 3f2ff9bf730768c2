// The role the app serves through on PostgreSQL (R1540_SERVE_DATABASE_URL), apart from the role
// that owns the tables (DATABASE_URL: migrations and the first seed). The audit log's triggers
// refuse UPDATE, DELETE and TRUNCATE, but a table's owner (or a superuser) may disable them
// (`ALTER TABLE … DISABLE TRIGGER`, `SET session_replication_role = replica`) or drop the table:
// the serving role must own nothing, be no superuser, and not be a member of the owner's role
// (which a `SET ROLE` on the owner's connection would be, and can undo). The owner grants it, at
// every start after the migrations (new tables included), what the app does and no more.
import { type Kysely, sql } from 'kysely';

/** What the serving role may do: every table read and written, the audit log only read and added to. */
const appendOnly = new Set(['audit_event']);
/** Kysely's bookkeeping: the migrations are the owner's. */
const readOnly = new Set(['kysely_migration', 'kysely_migration_lock']);

const ident = (name: string) => sql.id(name);

/** The role a connection logs in as. */
export async function currentRole<T>(db: Kysely<T>): Promise<string> {
  const { rows } = await sql<{ role: string }>`select current_user as role`.execute(db);
  return rows[0]!.role;
}

/** Grants `role` what serving needs on the app's tables and sequences; run as their owner, after the migrations. */
export async function grantServingRole<T>(owner: Kysely<T>, role: string): Promise<void> {
  const { rows: tables } = await sql<{ name: string }>`
    select c.relname as name from pg_class c
    where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
    order by c.relname`.execute(owner);
  const { rows: sequences } = await sql<{ name: string }>`
    select c.relname as name from pg_class c
    where c.relnamespace = current_schema()::regnamespace and c.relkind = 'S'
    order by c.relname`.execute(owner);
  const { rows: schema } = await sql<{ name: string }>`select current_schema() as name`.execute(owner);
  const run = async (owner2: Kysely<T>) => {
    await sql`grant usage on schema ${ident(schema[0]!.name)} to ${ident(role)}`.execute(owner2);
    for (const { name } of tables) {
      const table = ident(name);
      await sql`revoke all on table ${table} from ${ident(role)}`.execute(owner2);
      if (appendOnly.has(name)) await sql`grant select, insert on table ${table} to ${ident(role)}`.execute(owner2);
      else if (readOnly.has(name)) await sql`grant select on table ${table} to ${ident(role)}`.execute(owner2);
      else await sql`grant select, insert, update, delete on table ${table} to ${ident(role)}`.execute(owner2);
    }
    // nextval for the identity columns; setval for a restore.
    for (const { name } of sequences) await sql`grant usage, select, update on sequence ${ident(name)} to ${ident(role)}`.execute(owner2);
  };
  // One transaction: the audit log is never, even for a moment, writable by the serving role.
  if (owner.isTransaction) await run(owner);
  else await owner.transaction().execute((trx) => run(trx));
}

/**
 * Throws unless the serving connection's role is one that cannot rewrite the audit log: not a
 * superuser, no CREATEROLE (which could grant itself the owner's role), not the owner of the audit
 * table or its schema nor a member of their roles, no leave to set session_replication_role.
 */
export async function checkServingRole<T>(serving: Kysely<T>): Promise<void> {
  const { rows } = await sql<{
    role: string;
    superuser: boolean;
    createrole: boolean;
    table_owner: string;
    owns_table: boolean;
    schema_owner: string;
    owns_schema: boolean;
    owned: string | null;
    replication_role: boolean;
  }>`
    select current_user as role, r.rolsuper as superuser, r.rolcreaterole as createrole,
      pg_get_userbyid(c.relowner) as table_owner, pg_has_role(current_user, c.relowner, 'MEMBER') as owns_table,
      pg_get_userbyid(n.nspowner) as schema_owner, pg_has_role(current_user, n.nspowner, 'MEMBER') as owns_schema,
      (select string_agg(o.relname, ', ' order by o.relname) from pg_class o
        where o.relnamespace = n.oid and o.relkind in ('r', 'p', 'S', 'v', 'm', 'f')
          and pg_has_role(current_user, o.relowner, 'MEMBER')) as owned,
      has_parameter_privilege('session_replication_role', 'SET') as replication_role
    from pg_roles r, pg_class c join pg_namespace n on n.oid = c.relnamespace
    where r.rolname = current_user and c.oid = 'audit_event'::regclass`.execute(serving);
  const r = rows[0]!;
  const problems: string[] = [];
  if (r.superuser) problems.push('is a superuser');
  if (r.createrole) problems.push('has CREATEROLE');
  if (r.owns_table) problems.push(`is, or is a member of, ${r.table_owner}, the owner of audit_event`);
  if (r.owns_schema) problems.push(`is, or is a member of, ${r.schema_owner}, the owner of its schema`);
  if (r.owned) problems.push(`owns ${r.owned}`);
  if (r.replication_role) problems.push('may set session_replication_role');
  if (problems.length)
    throw new Error(
      `R1540_SERVE_DATABASE_URL connects as ${r.role}, which ${problems.join('; ')}: it could rewrite the audit log. ` +
        'Serve through a role of its own (README.md, "The PostgreSQL roles").',
    );
}
