import type { FC } from 'hono/jsx';
import { languageNames } from '../../platform/http/layout.tsx';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { RecordActions } from '../../platform/ui/record-actions.tsx';
import { sourceLabel } from '../reports/index.ts';
import { datesText, label, linkLabel, type Names, organizationName, stateName } from './labels.ts';
import { linkPath } from './links.ts';
import { announced, type EventRow } from './queries.ts';

/** An event: its facts, who took part, what it concerns, its calendar file, and what the reader may do. */
export const EventDetail: FC<{
  m: Messages;
  /** In the reader's language where it is translated (eventIn): `language` is the language of its text. */
  e: EventRow & { language: string };
  names: Names;
  actions: { edit: boolean; archive: boolean; history: boolean };
  csrfToken: string;
}> = ({ m, e, names, actions, csrfToken }) => (
  <>
    {e.archived_at && (
      <p class="notice" role="status">
        {m.t('record.archived', { date: m.date(e.archived_at) })}
      </p>
    )}
    {e.language !== m.locale && (
      <p class="notice" role="status">
        {m.t('outreach.notTranslated', { language: languageNames[m.locale] })}
      </p>
    )}
    {!announced(e) && (
      <p class="notice" role="status">
        {m.t('outreach.notAnnounced')}
      </p>
    )}
    <dl class="facts">
      <dt>{m.t('outreach.dates')}</dt>
      <dd>
        <time datetime={e.starts_on}>{datesText(m, e)}</time>
      </dd>
      <dt>{m.t('outreach.status')}</dt>
      <dd>
        {label(m, `status.${e.status}`)}
        {e.status === 'planned' && e.confirmed && <> · {m.t('outreach.confirmed')}</>}
      </dd>
      <dt>{m.t('outreach.group')}</dt>
      <dd>{label(m, `group.${e.event_group}`)}</dd>
      <dt>{m.t('outreach.place')}</dt>
      <dd>
        <span lang={e.language === m.locale ? undefined : e.language}>{e.city}</span>
        {e.city && e.state_iso3 && ', '}
        {e.state_iso3 && <a href={`/${m.locale}/states/${e.state_iso3}`}>{stateName(names, e.state_iso3)}</a>}
      </dd>
      <dt>{m.t('outreach.organizers')}</dt>
      <dd>
        <ul class="inline-list">
          {e.organizer_states.map((s) => (
            <li>
              <a href={`/${m.locale}/states/${s}`}>{stateName(names, s)}</a>
            </li>
          ))}
          {e.organizer_organizations.map((o) => (
            <li>
              <a href={`/${m.locale}/organizations/${o}`}>{organizationName(names, o)}</a>
            </li>
          ))}
          {e.by_committee && <li>{m.t('outreach.committee')}</li>}
        </ul>
      </dd>
      <dt>{m.t('outreach.audience')}</dt>
      <dd>{m.list(e.audiences.map((a) => label(m, `audience.${a}`)))}</dd>
      <dt>{m.t('outreach.listed')}</dt>
      <dd>{m.t(e.listed ? 'outreach.yes' : 'outreach.no')}</dd>
      <dt>{m.t('outreach.confidentiality')}</dt>
      <dd>{label(m, `level.${e.confidentiality}`)}</dd>
      <dt>{m.t('outreach.source')}</dt>
      <dd>{sourceLabel(m, e.source)}</dd>
    </dl>
    {e.description && (
      <>
        <h2>{m.t('outreach.description')}</h2>
        <p lang={e.language === m.locale ? undefined : e.language}>{e.description}</p>
      </>
    )}
    {e.participants.length > 0 && (
      <>
        <h2>{m.t('outreach.participants')}</h2>
        <ul>
          {e.participants.map((p) => (
            <li>
              {label(m, `role.${p.role}`)} ({label(m, `mode.${p.mode}`)}){p.name ? `: ${p.name}` : ''}
            </li>
          ))}
        </ul>
      </>
    )}
    {e.links.length > 0 && (
      <>
        <h2>{m.t('outreach.links')}</h2>
        <ul>
          {e.links.map((l) => {
            const path = linkPath(l);
            return <li>{path ? <a href={`/${m.locale}${path}`}>{linkLabel(m, l)}</a> : linkLabel(m, l)}</li>;
          })}
        </ul>
      </>
    )}
    <p>
      <a href={`/${m.locale}/events/${e.id}/event.ics`}>{m.t('outreach.eventIcs')}</a> ·{' '}
      <a href={`/${m.locale}/events`}>{m.t('outreach.allEvents')}</a>
    </p>
    {(actions.edit || actions.archive || actions.history) && (
      <RecordActions
        m={m}
        base={`/${m.locale}/events/${e.id}`}
        archived={e.archived_at !== null}
        version={e.row_version}
        csrfToken={csrfToken}
        actions={actions}
      />
    )}
  </>
);
