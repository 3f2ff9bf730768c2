import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.ts';
import { authorize } from '../../platform/http/guard.ts';
import { render } from '../../platform/http/render.tsx';
import { may, recordTypes } from '../../platform/policy/policy.ts';
import { ChangeEntry, recordTypeLabel } from '../../platform/ui/history.tsx';
import type { ActivityFilters } from '../../platform/audit/history.ts';
import { historyFor } from '../accounts/index.ts';
import { activityActors } from './queries.ts';
import { isUuid } from '../../platform/values/codes.ts';
import { isIsoDate } from '../../platform/values/dates.ts';
import { SelectField } from '../../platform/ui/forms.tsx';

/** Reads the activity filters of a query string, ignoring malformed ones. */
export function activityFilters(query: (name: string) => string | undefined): ActivityFilters {
  const date = (v: string | undefined) => (v && isIsoDate(v) ? v : undefined);
  const id = (v: string | undefined) => (v && /^\d{1,18}$/.test(v) ? v : undefined);
  const uuid = (v: string | undefined) => (v && isUuid(v) ? v : undefined);
  return {
    actorId: uuid(query('user')),
    recordType: query('type') || undefined,
    from: date(query('from')),
    to: date(query('to')),
    before: id(query('before')),
  };
}

export function activityWebRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    authorize(c, may(viewer, 'read-activity'), 'the activity feed');
    const filters = activityFilters((n) => c.req.query(n));
    const db = c.get('app').database.db;
    const [{ events, next }, actors] = await Promise.all([historyFor(db, viewer, filters), activityActors(db, viewer)]);
    const params = new URLSearchParams(c.req.query());
    if (next) params.set('before', next);
    return render(
      c,
      { title: m.t('activity.title') },
      <>
        <form method="get" class="filters">
          <SelectField
            name="user"
            label={m.t('activity.user')}
            all={m.t('activity.anyone')}
            value={filters.actorId}
            options={actors.map((a) => ({ value: a.id, label: a.display_name }))}
          />
          <SelectField
            name="type"
            label={m.t('activity.recordType')}
            all={m.t('activity.anyType')}
            value={filters.recordType}
            options={recordTypes.map((t) => ({ value: t, label: recordTypeLabel(m, t) }))}
          />
          <div class="field">
            <label for="from">{m.t('activity.from')}</label>
            <input id="from" name="from" type="date" value={filters.from ?? ''} />
          </div>
          <div class="field">
            <label for="to">{m.t('activity.to')}</label>
            <input id="to" name="to" type="date" value={filters.to ?? ''} />
          </div>
          <button type="submit">{m.t('states.filter')}</button>
        </form>
        {events.length ? (
          <ol class="changes">
            {events.map((e) => (
              <ChangeEntry m={m} event={e} showRecord />
            ))}
          </ol>
        ) : (
          <p>{m.t('history.none')}</p>
        )}
        {next && (
          <p>
            <a href={`?${params}`} rel="next">
              {m.t('activity.older')}
            </a>
          </p>
        )}
      </>,
    );
  });
  return r;
}
