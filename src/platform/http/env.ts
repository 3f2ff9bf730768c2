import type { Context } from 'hono';
import type { AppContext } from './../context.ts';
import type { Messages } from '../i18n/i18n.ts';
import type { Locale } from '../i18n/locales.ts';
import type { Logger } from '../log.ts';
import type { Viewer } from '../policy/policy.ts';

export interface AppEnv {
  Variables: {
    app: AppContext;
    viewer: Viewer | null;
    /** How the viewer was recognised: a session cookie, an API token, or not at all. */
    via: 'session' | 'token' | null;
    sessionToken: string | null;
    locale: Locale;
    m: Messages;
    csrfToken: string;
    /** The request's id: a safe `X-Request-Id` it came with, or a new one; sent back in that header. */
    requestId: string;
    /** The log for this request: each line carries `requestId`. */
    log: Logger;
  };
}

export type AppContextOf = Context<AppEnv>;
