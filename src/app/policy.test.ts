import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { type Confidentiality, confidentialityLevels, roles } from '../platform/policy/levels.ts';
import {
  type Ability,
  type Action,
  can,
  canSee,
  isCommitteeSide,
  may,
  type RecordType,
  type Viewer,
  visibilityScope,
} from '../platform/policy/policy.ts';
import '../features/registry.ts';

/**
 * The rules, written out by hand (not computed from the code under test):
 * - public records are read by everyone; committee records by expert, committee, secretariat,
 *   admin; committee-and-state records by those and the point of contact of that State;
 * - read-history and comment need the record to be visible and an account that is on the
 *   Committee side or is the point of contact of the State the record concerns;
 * - create, update, archive, restore of Member States and organizations: secretariat and admin.
 */

function account(role: Viewer['role'], stateIso3: string | null = null, organizationCode: string | null = null): Viewer {
  return {
    id: `id-${role}-${stateIso3 ?? organizationCode ?? ''}`,
    email: `${role}@example.org`,
    displayName: role,
    role,
    stateIso3,
    organizationCode,
  };
}

const viewers = {
  public: null,
  'state-contact of MLI': account('state-contact', 'MLI'),
  'state-contact of FRA': account('state-contact', 'FRA'),
  'provider (IAEA)': account('provider', null, 'IAEA'),
  'provider (providing State MLI)': account('provider', 'MLI'),
  expert: account('expert'),
  committee: account('committee'),
  secretariat: account('secretariat'),
  admin: account('admin'),
} satisfies Record<string, Viewer | null>;
type ViewerName = keyof typeof viewers;

/** The records: a confidentiality and the State they concern. */
const records = {
  'public, no State': { confidentiality: 'public', stateIso3: null },
  'public about MLI': { confidentiality: 'public', stateIso3: 'MLI' },
  'committee, no State': { confidentiality: 'committee', stateIso3: null },
  'committee about MLI': { confidentiality: 'committee', stateIso3: 'MLI' },
  'committee-and-state about MLI': { confidentiality: 'committee-and-state', stateIso3: 'MLI' },
  'committee-and-state about FRA': { confidentiality: 'committee-and-state', stateIso3: 'FRA' },
  'committee-and-state, no State': { confidentiality: 'committee-and-state', stateIso3: null },
} satisfies Record<string, { confidentiality: Confidentiality; stateIso3: string | null }>;
type RecordName = keyof typeof records;

const allActions: Action[] = ['read', 'read-history', 'comment', 'create', 'update', 'archive', 'restore'];

// Shorthands for the cells of the table below.
const none: Action[] = [];
const R: Action[] = ['read'];
const RHC: Action[] = ['read', 'read-history', 'comment'];
const ALL: Action[] = allActions;

/**
 * What each viewer may do with each record, the same for a Member State and for an organization
 * (both are reference data kept by the secretariat and admins).
 */
const expected: Record<ViewerName, Record<RecordName, Action[]>> = {
  public: {
    'public, no State': R,
    'public about MLI': R,
    'committee, no State': none,
    'committee about MLI': none,
    'committee-and-state about MLI': none,
    'committee-and-state about FRA': none,
    'committee-and-state, no State': none,
  },
  'state-contact of MLI': {
    'public, no State': R,
    'public about MLI': RHC,
    'committee, no State': none,
    'committee about MLI': none,
    'committee-and-state about MLI': RHC,
    'committee-and-state about FRA': none,
    'committee-and-state, no State': none,
  },
  'state-contact of FRA': {
    'public, no State': R,
    'public about MLI': R,
    'committee, no State': none,
    'committee about MLI': none,
    'committee-and-state about MLI': none,
    'committee-and-state about FRA': RHC,
    'committee-and-state, no State': none,
  },
  'provider (IAEA)': {
    'public, no State': R,
    'public about MLI': R,
    'committee, no State': none,
    'committee about MLI': none,
    'committee-and-state about MLI': none,
    'committee-and-state about FRA': none,
    'committee-and-state, no State': none,
  },
  'provider (providing State MLI)': {
    'public, no State': R,
    'public about MLI': R,
    'committee, no State': none,
    'committee about MLI': none,
    'committee-and-state about MLI': none,
    'committee-and-state about FRA': none,
    'committee-and-state, no State': none,
  },
  expert: {
    'public, no State': RHC,
    'public about MLI': RHC,
    'committee, no State': RHC,
    'committee about MLI': RHC,
    'committee-and-state about MLI': RHC,
    'committee-and-state about FRA': RHC,
    'committee-and-state, no State': RHC,
  },
  committee: {
    'public, no State': RHC,
    'public about MLI': RHC,
    'committee, no State': RHC,
    'committee about MLI': RHC,
    'committee-and-state about MLI': RHC,
    'committee-and-state about FRA': RHC,
    'committee-and-state, no State': RHC,
  },
  secretariat: {
    'public, no State': ALL,
    'public about MLI': ALL,
    'committee, no State': ALL,
    'committee about MLI': ALL,
    'committee-and-state about MLI': ALL,
    'committee-and-state about FRA': ALL,
    'committee-and-state, no State': ALL,
  },
  admin: {
    'public, no State': ALL,
    'public about MLI': ALL,
    'committee, no State': ALL,
    'committee about MLI': ALL,
    'committee-and-state about MLI': ALL,
    'committee-and-state about FRA': ALL,
    'committee-and-state, no State': ALL,
  },
};

const recordTypesUnderTest: RecordType[] = ['member-state', 'organization'];

describe('can: every viewer × record × action', () => {
  for (const type of recordTypesUnderTest) {
    for (const [viewerName, viewer] of Object.entries(viewers) as [ViewerName, Viewer | null][]) {
      test(`${type}: ${viewerName}`, () => {
        const actual: Record<string, Action[]> = {};
        const wanted: Record<string, Action[]> = {};
        for (const [recordName, record] of Object.entries(records) as [RecordName, (typeof records)[RecordName]][]) {
          actual[recordName] = allActions.filter((action) => can(viewer, action, { type, ...record }));
          wanted[recordName] = expected[viewerName][recordName];
        }
        assert.deepEqual(actual, wanted);
      });
    }
  }
});

describe('canSee: the read column of the table', () => {
  for (const [viewerName, viewer] of Object.entries(viewers) as [ViewerName, Viewer | null][]) {
    test(viewerName, () => {
      for (const [recordName, record] of Object.entries(records) as [RecordName, (typeof records)[RecordName]][]) {
        assert.equal(
          canSee(viewer, record.confidentiality, record.stateIso3),
          expected[viewerName][recordName].includes('read'),
          `${viewerName} / ${recordName}`,
        );
      }
    });
  }

  test('a record with no State given (undefined) is seen like one with none', () => {
    assert.equal(canSee(viewers['state-contact of MLI'], 'committee-and-state'), false);
    assert.equal(canSee(viewers['state-contact of MLI'], 'public'), true);
    assert.equal(canSee(viewers.expert, 'committee-and-state'), true);
  });

  test('a point of contact with no State sees no restricted record', () => {
    const orphan = account('state-contact', null);
    assert.equal(canSee(orphan, 'committee-and-state', null), false);
    assert.equal(can(orphan, 'read-history', { type: 'member-state', confidentiality: 'public', stateIso3: null }), false);
    assert.equal(can(orphan, 'comment', { type: 'member-state', confidentiality: 'public', stateIso3: null }), false);
  });
});

describe('may: abilities that are not about one record', () => {
  const abilities: Record<ViewerName, Ability[]> = {
    public: [],
    'state-contact of MLI': ['use-api-tokens', 'export'],
    'state-contact of FRA': ['use-api-tokens', 'export'],
    'provider (IAEA)': ['use-api-tokens', 'export'],
    'provider (providing State MLI)': ['use-api-tokens', 'export'],
    expert: ['read-activity', 'use-api-tokens', 'export'],
    committee: ['use-api-tokens', 'export'],
    secretariat: ['read-activity', 'manage-accounts', 'use-api-tokens', 'export'],
    admin: ['read-activity', 'manage-accounts', 'use-api-tokens', 'export'],
  };
  const all: Ability[] = ['read-activity', 'manage-accounts', 'use-api-tokens', 'export'];
  for (const [viewerName, viewer] of Object.entries(viewers) as [ViewerName, Viewer | null][]) {
    test(viewerName, () => {
      assert.deepEqual(
        all.filter((a) => may(viewer, a)),
        abilities[viewerName],
      );
    });
  }
});

describe('visibilityScope', () => {
  test('the Committee side sees everything; others public records and, for a point of contact, its State', () => {
    assert.deepEqual(visibilityScope(null), { all: false, stateIso3: null });
    assert.deepEqual(visibilityScope(viewers['state-contact of MLI']), { all: false, stateIso3: 'MLI' });
    assert.deepEqual(visibilityScope(viewers['provider (providing State MLI)']), { all: false, stateIso3: null });
    for (const role of ['expert', 'committee', 'secretariat', 'admin'] as const) {
      assert.deepEqual(visibilityScope(account(role, 'MLI')), { all: true });
      assert.equal(isCommitteeSide(account(role)), true);
    }
  });

  test('agrees with canSee (the rule evaluated in memory, as the SQL filter states it)', () => {
    const states = ['MLI', 'FRA', 'PER', null];
    const viewerArb = fc.option(
      fc.record({ role: fc.constantFrom(...roles), stateIso3: fc.constantFrom(...states) }).map((v) => account(v.role, v.stateIso3)),
      { nil: null },
    );
    fc.assert(
      fc.property(
        viewerArb,
        fc.constantFrom(...confidentialityLevels),
        fc.constantFrom(...states),
        (viewer, confidentiality, stateIso3) => {
          const scope = visibilityScope(viewer);
          const inScope = scope.all
            ? true
            : confidentiality === 'public' ||
              (!!scope.stateIso3 && confidentiality === 'committee-and-state' && stateIso3 === scope.stateIso3);
          assert.equal(inScope, canSee(viewer, confidentiality, stateIso3));
        },
      ),
      { numRuns: 500 },
    );
  });
});
