import type { Child, FC, PropsWithChildren } from 'hono/jsx';
import type { Messages } from '../i18n/i18n.ts';
import { type Locale, locales } from '../i18n/locales.ts';
import type { Viewer } from '../policy/policy.ts';
import { visibleSections } from './navigation.ts';

export const languageNames: Record<Locale, string> = {
  ar: 'العربية',
  zh: '中文',
  en: 'English',
  fr: 'Français',
  ru: 'Русский',
  es: 'Español',
};

export interface PageProps {
  m: Messages;
  viewer: Viewer | null;
  demo: boolean;
  /** The demonstration accounts' password is public: said on every page of a server others may reach. */
  demoWarning?: boolean;
  title: string;
  /** The path after the language, such as `/states/MLI`, for the language switcher and the menu. */
  path: string;
  /** The query string to keep when switching language. */
  search?: string;
  csrfToken: string;
  /** Heading-level intro shown above the content, optional. */
  lead?: Child;
}

export const CsrfField: FC<{ token: string }> = ({ token }) => <input type="hidden" name="_csrf" value={token} />;

export const Layout: FC<PropsWithChildren<PageProps>> = (p) => {
  const { m, viewer } = p;
  const prefix = `/${m.locale}`;
  const current = visibleSections(viewer).find((s) => p.path === s.path || p.path.startsWith(`${s.path}/`));
  return (
    <html lang={m.locale} dir={m.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${p.title} · ${m.t('layout.committee')}`}</title>
        <link rel="icon" href="/favicon.ico" type="image/svg+xml" />
        <link rel="stylesheet" href="/static/app.css" />
        {locales
          .filter((l) => l !== m.locale)
          .map((l) => (
            <link rel="alternate" hreflang={l} href={`/${l}${p.path}${p.search ?? ''}`} />
          ))}
      </head>
      <body>
        <a class="skip" href="#main">
          {m.t('layout.skip')}
        </a>
        {p.demo && (
          <div class="demo-banner" role="note">
            {m.t('layout.demo')}
            {p.demoWarning && <strong class="demo-warning"> {m.t('layout.demoPublicPassword')}</strong>}
          </div>
        )}
        <header class="site-header">
          <div class="brand">
            <a href={`${prefix}/`}>
              <span class="brand-mark">1540</span> <span class="brand-name">{m.t('layout.brand')}</span>
            </a>
          </div>
          <nav aria-label={m.t('layout.languages')} class="languages">
            <ul>
              {locales.map((l) => (
                <li>
                  {l === m.locale ? (
                    <span aria-current="true" lang={l}>
                      {languageNames[l]}
                    </span>
                  ) : (
                    <a href={`/${l}${p.path}${p.search ?? ''}`} lang={l} hreflang={l}>
                      {languageNames[l]}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          </nav>
          <div class="account">
            {viewer ? (
              <form method="post" action={`${prefix}/logout`} class="inline">
                <CsrfField token={p.csrfToken} />
                <a href={`${prefix}/account`}>{viewer.displayName}</a>{' '}
                <button type="submit" class="link">
                  {m.t('layout.logout')}
                </button>
              </form>
            ) : (
              <a href={`${prefix}/login?next=${encodeURIComponent(`${prefix}${p.path}`)}`}>{m.t('layout.login')}</a>
            )}
          </div>
        </header>
        <nav aria-label={m.t('layout.sections')} class="sections">
          {/* On a narrow screen the list is folded behind this summary (CSS, no JavaScript): it opens the list that follows. */}
          <details class="menu-toggle">
            <summary>{current ? m.t('layout.menuCurrent', { section: m.t(current.label) }) : m.t('layout.menu')}</summary>
          </details>
          <ul>
            {visibleSections(viewer).map((s) => (
              <li>
                <a href={`${prefix}${s.path}`} aria-current={s === current ? 'page' : undefined}>
                  {m.t(s.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabindex={-1}>
          <h1>{p.title}</h1>
          {p.lead}
          {p.children}
        </main>
        <footer class="site-footer">
          <p>{m.t('layout.footer.committee')}</p>
          <MissingTranslations m={m} />
        </footer>
      </body>
    </html>
  );
};

/** A note shown when some text of the page fell back to English. */
export const MissingTranslations: FC<{ m: Messages }> = ({ m }) =>
  m.missing.size ? (
    <p class="untranslated" data-missing-translations={[...m.missing].join(' ')}>
      {m.t('layout.untranslated')}
    </p>
  ) : null;
