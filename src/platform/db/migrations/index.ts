import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation.ts';
import * as m0002 from './0002-matrix-templates.ts';
import * as m0003 from './0003-matrices.ts';
import * as m0004 from './0004-matrix-proposals.ts';
import * as m0005 from './0005-review-cycles.ts';
import * as m0006 from './0006-reports.ts';
import * as m0007 from './0007-contacts-engagement.ts';
import * as m0008 from './0008-documents.ts';
import * as m0009 from './0009-search.ts';
import * as m0010correspondence from './0010-correspondence.ts';
import * as m0011 from './0011-engagement-forms.ts';
import * as m0012 from './0012-search-letters.ts';
import * as m0013 from './0013-assistance.ts';

/** Every migration, in order. A new one is a new file listed here; a landed one never changes. */
export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-matrix-templates': m0002,
  '0003-matrices': m0003,
  '0004-matrix-proposals': m0004,
  '0005-review-cycles': m0005,
  '0006-reports': m0006,
  '0007-contacts-engagement': m0007,
  '0008-documents': m0008,
  '0009-search': m0009,
  '0010-correspondence': m0010correspondence,
  '0011-engagement-forms': m0011,
  '0012-search-letters': m0012,
  '0013-assistance': m0013,
};
