import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  averagesBy,
  changeBetween,
  countsByParagraph,
  countsByState,
  countsByWeaponType,
  distribution,
  gaps,
  legalVersusEnforcement,
  type StateMatrix,
} from './figures.ts';
import {
  type CellValue,
  cellValues,
  measureKinds,
  paragraphs,
  type TemplateData,
  type TemplateField,
  weaponTypes,
} from '../templates/template.ts';

/**
 * A ten-field template over OP1, OP2 and OP3d and five States in two regional groups. Every
 * expected number below was counted by hand from these tables, never with the code under test.
 */
function field(
  code: string,
  paragraph: TemplateField['paragraph'],
  weaponType: TemplateField['weaponType'],
  measureKind: TemplateField['measureKind'],
): TemplateField {
  return { code, row: code.split('.').slice(0, 2).join('.'), paragraph, weaponType, measureKind };
}

const fields: TemplateField[] = [
  field('OP1.NPT', 'OP1', null, 'instrument'),
  field('OP1.CWC', 'OP1', 'chemical', 'instrument'),
  field('OP2.MAN.N.LF', 'OP2', 'nuclear', 'legal-framework'),
  field('OP2.MAN.N.EN', 'OP2', 'nuclear', 'enforcement'),
  field('OP2.MAN.C.LF', 'OP2', 'chemical', 'legal-framework'),
  field('OP2.MAN.B.LF', 'OP2', 'biological', 'legal-framework'),
  field('OP2.MAN.D.EN', 'OP2', 'delivery', 'enforcement'),
  field('OP3d.LIST.N.LF', 'OP3d', 'nuclear', 'legal-framework'),
  field('OP3d.LIST.C.EN', 'OP3d', 'chemical', 'enforcement'),
  field('OP3d.CATCH.LF', 'OP3d', null, 'legal-framework'),
];

function state(iso3: string, regionalGroup: string, organizations: string[], values: Record<string, CellValue>): StateMatrix {
  return { iso3, regionalGroup, organizations, values };
}

// 6 X, 1 ?, 1 NA, 2 blank (missing); OLD.FIELD is from another template and must not count.
const AAA = state('AAA', 'african', ['AU', 'LAS'], {
  'OP1.NPT': 'X',
  'OP1.CWC': 'X',
  'OP2.MAN.N.LF': 'X',
  'OP2.MAN.N.EN': 'X',
  'OP2.MAN.C.LF': 'X',
  'OP2.MAN.B.LF': '?',
  'OP2.MAN.D.EN': 'NA',
  'OP3d.LIST.N.LF': 'X',
  'OLD.FIELD': 'X',
});
// 4 X, 1 ?, 0 NA, 5 blank (one written '', four missing).
const BBB = state('BBB', 'african', ['AU'], {
  'OP1.NPT': 'X',
  'OP1.CWC': '',
  'OP2.MAN.N.LF': 'X',
  'OP2.MAN.N.EN': '?',
  'OP2.MAN.C.LF': 'X',
  'OP2.MAN.B.LF': 'X',
});
// Only ? and NA: 0 X, 4 ?, 6 NA, 0 blank; in no organization.
const CCC = state('CCC', 'african', [], {
  'OP1.NPT': '?',
  'OP1.CWC': '?',
  'OP2.MAN.N.LF': 'NA',
  'OP2.MAN.N.EN': 'NA',
  'OP2.MAN.C.LF': 'NA',
  'OP2.MAN.B.LF': 'NA',
  'OP2.MAN.D.EN': 'NA',
  'OP3d.LIST.N.LF': 'NA',
  'OP3d.LIST.C.EN': '?',
  'OP3d.CATCH.LF': '?',
});
// 4 X, 6 blank: ties with BBB.
const DDD = state('DDD', 'weog', ['EU'], {
  'OP1.NPT': 'X',
  'OP1.CWC': 'X',
  'OP2.MAN.D.EN': 'X',
  'OP3d.CATCH.LF': 'X',
});
// 9 X, 1 blank.
const EEE = state('EEE', 'weog', ['EU', 'OSCE'], {
  'OP1.NPT': 'X',
  'OP1.CWC': 'X',
  'OP2.MAN.N.LF': 'X',
  'OP2.MAN.N.EN': 'X',
  'OP2.MAN.C.LF': 'X',
  'OP2.MAN.B.LF': '',
  'OP2.MAN.D.EN': 'X',
  'OP3d.LIST.N.LF': 'X',
  'OP3d.LIST.C.EN': 'X',
  'OP3d.CATCH.LF': 'X',
});
const states = [AAA, BBB, CCC, DDD, EEE];

const template: TemplateData = {
  version: 'test',
  approvedOn: '2017-01-01',
  title: { ar: 't', zh: 't', en: 't', fr: 't', ru: 't', es: 't' },
  sections: [],
  rows: [],
  fields,
};

describe('counts per State', () => {
  test('legend counts and total X', () => {
    assert.deepEqual(countsByState(fields, states), [
      { iso3: 'AAA', total: 6, counts: { X: 6, '?': 1, NA: 1, blank: 2 } },
      { iso3: 'BBB', total: 4, counts: { X: 4, '?': 1, NA: 0, blank: 5 } },
      { iso3: 'CCC', total: 0, counts: { X: 0, '?': 4, NA: 6, blank: 0 } },
      { iso3: 'DDD', total: 4, counts: { X: 4, '?': 0, NA: 0, blank: 6 } },
      { iso3: 'EEE', total: 9, counts: { X: 9, '?': 0, NA: 0, blank: 1 } },
    ]);
  });

  test('a whole template is accepted as well as its fields', () => {
    assert.deepEqual(countsByState(template, [AAA]), countsByState(fields, [AAA]));
  });

  test('field codes not in the template are ignored', () => {
    // `constructor` also checks that a code is never read from Object.prototype.
    const values: Record<string, CellValue> = { 'OLD.FIELD': 'X', 'OP9.X': 'X' };
    const onlyUnknown = state('ZZZ', 'african', [], values);
    const shadowing = [field('constructor', 'OP1', null, 'instrument')];
    assert.deepEqual(countsByState(shadowing, [onlyUnknown])[0]?.counts, { X: 0, '?': 0, NA: 0, blank: 1 });
    assert.deepEqual(countsByState(fields, [onlyUnknown]), [{ iso3: 'ZZZ', total: 0, counts: { X: 0, '?': 0, NA: 0, blank: 10 } }]);
  });

  test('no States, no rows', () => {
    assert.deepEqual(countsByState(fields, []), []);
    assert.deepEqual(countsByParagraph(fields, []), []);
    assert.deepEqual(countsByWeaponType(fields, []), []);
    assert.deepEqual(legalVersusEnforcement(fields, []), []);
  });

  test('by paragraph, all six keys present', () => {
    const zero = { OP3a: 0, OP3b: 0, OP3c: 0 };
    assert.deepEqual(countsByParagraph(fields, states), [
      { iso3: 'AAA', byParagraph: { OP1: 2, OP2: 3, ...zero, OP3d: 1 } },
      { iso3: 'BBB', byParagraph: { OP1: 1, OP2: 3, ...zero, OP3d: 0 } },
      { iso3: 'CCC', byParagraph: { OP1: 0, OP2: 0, ...zero, OP3d: 0 } },
      { iso3: 'DDD', byParagraph: { OP1: 2, OP2: 1, ...zero, OP3d: 1 } },
      { iso3: 'EEE', byParagraph: { OP1: 2, OP2: 4, ...zero, OP3d: 3 } },
    ]);
  });

  test('by weapon type, with none for fields about no weapon type', () => {
    assert.deepEqual(countsByWeaponType(fields, states), [
      { iso3: 'AAA', byWeaponType: { nuclear: 3, chemical: 2, biological: 0, delivery: 0, none: 1 } },
      { iso3: 'BBB', byWeaponType: { nuclear: 1, chemical: 1, biological: 1, delivery: 0, none: 1 } },
      { iso3: 'CCC', byWeaponType: { nuclear: 0, chemical: 0, biological: 0, delivery: 0, none: 0 } },
      { iso3: 'DDD', byWeaponType: { nuclear: 0, chemical: 1, biological: 0, delivery: 1, none: 2 } },
      { iso3: 'EEE', byWeaponType: { nuclear: 3, chemical: 3, biological: 0, delivery: 1, none: 2 } },
    ]);
  });

  test('legal framework against enforcement, instruments apart', () => {
    assert.deepEqual(legalVersusEnforcement(fields, states), [
      { iso3: 'AAA', legalFramework: 3, enforcement: 1, instrument: 2 },
      { iso3: 'BBB', legalFramework: 3, enforcement: 0, instrument: 1 },
      { iso3: 'CCC', legalFramework: 0, enforcement: 0, instrument: 0 },
      { iso3: 'DDD', legalFramework: 1, enforcement: 1, instrument: 2 },
      { iso3: 'EEE', legalFramework: 4, enforcement: 3, instrument: 2 },
    ]);
  });
});

describe('averages by group', () => {
  // Totals: AAA 6, BBB 4, CCC 0 (african); DDD 4, EEE 9 (weog).
  test('by regional group: odd and even counts, a tie in all', () => {
    assert.deepEqual(averagesBy(fields, states, 'regionalGroup'), {
      all: { group: 'all', states: 5, mean: 23 / 5, median: 4, min: 0, max: 9 },
      groups: [
        { group: 'african', states: 3, mean: 10 / 3, median: 4, min: 0, max: 6 },
        { group: 'weog', states: 2, mean: 6.5, median: 6.5, min: 4, max: 9 },
      ],
    });
  });

  test('by organization: a State counts in each of its organizations; CCC in none', () => {
    assert.deepEqual(averagesBy(fields, states, 'organization'), {
      all: { group: 'all', states: 5, mean: 23 / 5, median: 4, min: 0, max: 9 },
      groups: [
        { group: 'AU', states: 2, mean: 5, median: 5, min: 4, max: 6 },
        { group: 'EU', states: 2, mean: 6.5, median: 6.5, min: 4, max: 9 },
        { group: 'LAS', states: 1, mean: 6, median: 6, min: 6, max: 6 },
        { group: 'OSCE', states: 1, mean: 9, median: 9, min: 9, max: 9 },
      ],
    });
  });

  test('an organization listed twice counts the State once', () => {
    const twice = { ...DDD, organizations: ['EU', 'EU'] };
    assert.deepEqual(averagesBy(fields, [twice], 'organization').groups, [{ group: 'EU', states: 1, mean: 4, median: 4, min: 4, max: 4 }]);
  });

  test('no States: empty statistics, no groups', () => {
    assert.deepEqual(averagesBy(fields, [], 'regionalGroup'), {
      all: { group: 'all', states: 0, mean: null, median: null, min: null, max: null },
      groups: [],
    });
  });
});

describe('distribution of States by number of X', () => {
  const cases: { width: number; bins: [number, number, number][] }[] = [
    {
      width: 3,
      bins: [
        [0, 3, 1],
        [3, 6, 2],
        [6, 9, 1],
        [9, 12, 1],
      ],
    },
    // The last bin [10, 15) holds the field count (10) and stays, empty.
    {
      width: 5,
      bins: [
        [0, 5, 3],
        [5, 10, 2],
        [10, 15, 0],
      ],
    },
    {
      width: 10,
      bins: [
        [0, 10, 5],
        [10, 20, 0],
      ],
    },
    { width: 20, bins: [[0, 20, 5]] },
  ];
  for (const { width, bins } of cases) {
    test(`bin width ${width}`, () => {
      const expected = bins.map(([from, to, count]) => ({ from, to, states: count }));
      assert.deepEqual(distribution(fields, states, width), expected);
    });
  }

  test('no States: every bin present and empty', () => {
    assert.deepEqual(distribution(fields, [], 4), [
      { from: 0, to: 4, states: 0 },
      { from: 4, to: 8, states: 0 },
      { from: 8, to: 12, states: 0 },
    ]);
  });

  test('a bin width that is not a positive integer is refused', () => {
    for (const width of [0, -1, 1.5, Number.NaN]) {
      assert.throws(() => distribution(fields, states, width), RangeError);
    }
  });
});

describe('change between two dates', () => {
  // AAA later: N.EN X → ? (lost), B.LF ? → X and LIST.C.EN blank → X (gained); OLD.FIELD dropped.
  const laterAAA = state('AAA', 'african', ['AU', 'LAS'], {
    ...AAA.values,
    'OP2.MAN.N.EN': '?',
    'OP2.MAN.B.LF': 'X',
    'OP3d.LIST.C.EN': 'X',
    'OLD.FIELD': '',
  });

  test('gains, losses, and States on one side only', () => {
    assert.deepEqual(changeBetween(fields, [DDD, CCC, AAA], [laterAAA, BBB, CCC]), [
      { iso3: 'AAA', before: 6, after: 7, difference: 1, gained: ['OP2.MAN.B.LF', 'OP3d.LIST.C.EN'], lost: ['OP2.MAN.N.EN'] },
      { iso3: 'BBB', before: 0, after: 4, difference: 4, gained: ['OP1.NPT', 'OP2.MAN.B.LF', 'OP2.MAN.C.LF', 'OP2.MAN.N.LF'], lost: [] },
      { iso3: 'CCC', before: 0, after: 0, difference: 0, gained: [], lost: [] },
      { iso3: 'DDD', before: 4, after: 0, difference: -4, gained: [], lost: ['OP1.CWC', 'OP1.NPT', 'OP2.MAN.D.EN', 'OP3d.CATCH.LF'] },
    ]);
  });

  test('no States on either side', () => {
    assert.deepEqual(changeBetween(fields, [], []), []);
  });

  test('two matrices for one State on one side are refused', () => {
    assert.throws(() => changeBetween(fields, [AAA, AAA], []), RangeError);
  });
});

describe('gaps of a State', () => {
  const small = [
    field('F1', 'OP2', 'nuclear', 'legal-framework'),
    field('F2', 'OP2', 'chemical', 'legal-framework'),
    field('F3', 'OP3d', null, 'enforcement'),
    field('F4', 'OP1', null, 'instrument'),
  ];
  const peer = (iso3: string, xs: string[]) => state(iso3, 'g', [], Object.fromEntries(xs.map((code) => [code, 'X' as const])));
  const subject = state('SUB', 'g', [], { F1: '', F4: '?' });
  // Of five peers: F1 X in 3 (60%), F2 in 5 (100%), F3 in 2 (40%), F4 in 5 but SUB has '?'.
  const five = [
    peer('P1', ['F1', 'F2', 'F3', 'F4']),
    peer('P2', ['F1', 'F2', 'F3', 'F4']),
    peer('P3', ['F1', 'F2', 'F4']),
    peer('P4', ['F2', 'F4']),
    peer('P5', ['F2', 'F4']),
  ];
  // Of four peers: F1 X in 2 (exactly 50%).
  const four = [peer('P1', ['F1']), peer('P2', ['F1']), peer('P3', []), peer('P4', [])];

  const cases: { name: string; peers: StateMatrix[]; threshold?: number; expected: { code: string; share: number }[] }[] = [
    {
      name: '60% is a gap, sorted by share then code',
      peers: five,
      expected: [
        { code: 'F2', share: 1 },
        { code: 'F1', share: 0.6 },
      ],
    },
    { name: 'exactly 50% is not a gap', peers: four, expected: [] },
    {
      name: 'a lower threshold',
      peers: five,
      threshold: 0.3,
      expected: [
        { code: 'F2', share: 1 },
        { code: 'F1', share: 0.6 },
        { code: 'F3', share: 0.4 },
      ],
    },
    { name: 'the threshold is strict', peers: five, threshold: 0.6, expected: [{ code: 'F2', share: 1 }] },
    // Two of three others (67%) is a gap; counting SUB itself would make it 2 of 4 (50%).
    {
      name: 'the State is not its own peer',
      peers: [subject, peer('P1', ['F1']), peer('P2', ['F1']), peer('P3', [])],
      expected: [{ code: 'F1', share: 2 / 3 }],
    },
    { name: 'no peers, no gaps', peers: [], expected: [] },
    { name: 'only itself, no gaps', peers: [subject], expected: [] },
  ];
  for (const { name, peers, threshold, expected } of cases) {
    test(name, () => assert.deepEqual(gaps(small, subject, peers, threshold), expected));
  }

  test('in the sample: equal shares sort by code; ? and NA are not gaps', () => {
    const all = [
      { code: 'OP2.MAN.C.LF', share: 1 },
      { code: 'OP2.MAN.N.EN', share: 1 },
      { code: 'OP2.MAN.N.LF', share: 1 },
      { code: 'OP3d.LIST.C.EN', share: 1 },
      { code: 'OP3d.LIST.N.LF', share: 1 },
    ];
    assert.deepEqual(gaps(fields, DDD, [DDD, EEE]), all);
    // BBB's blanks have X in AAA only: one of two others, 50%.
    assert.deepEqual(gaps(fields, BBB, [AAA, BBB, CCC]), []);
    assert.deepEqual(gaps(fields, CCC, [AAA, BBB]), []);
  });
});

/** Random templates with unique codes (some that shadow Object.prototype) and matrices over them. */
const fieldArb = fc.record({
  code: fc.oneof(fc.string({ minLength: 1, maxLength: 6 }), fc.constantFrom('constructor', 'toString', 'hasOwnProperty')),
  row: fc.constant('R'),
  paragraph: fc.constantFrom(...paragraphs),
  weaponType: fc.option(fc.constantFrom(...weaponTypes), { nil: null }),
  measureKind: fc.constantFrom(...measureKinds),
});
const fieldsArb = fc.uniqueArray(fieldArb, { selector: (f) => f.code, maxLength: 30 });

function matricesArb(codes: string[]): fc.Arbitrary<StateMatrix[]> {
  // Extra codes stand for fields of another template, which every figure must ignore.
  const key = codes.length > 0 ? fc.oneof(fc.constantFrom(...codes), fc.string({ maxLength: 4 })) : fc.string({ maxLength: 4 });
  const matrix = fc.record({
    iso3: fc.string({ minLength: 3, maxLength: 3 }),
    regionalGroup: fc.constantFrom('african', 'asia-pacific', 'weog'),
    organizations: fc.subarray(['AU', 'EU', 'LAS', 'OSCE']),
    values: fc.dictionary(key, fc.constantFrom(...cellValues)),
  });
  return fc.uniqueArray(matrix, { selector: (m) => m.iso3, maxLength: 12 });
}

const sampleArb = fieldsArb.chain((fs) => fc.tuple(fc.constant(fs), matricesArb(fs.map((f) => f.code))));

const sum = (values: number[]) => values.reduce((acc, value) => acc + value, 0);
const totals = (fs: TemplateField[], ms: StateMatrix[]) => countsByState(fs, ms).map((row) => row.total);

describe('properties', () => {
  test('the sum over paragraphs equals the total X', () => {
    fc.assert(
      fc.property(sampleArb, ([fs, ms]) => {
        assert.deepEqual(
          countsByParagraph(fs, ms).map((row) => sum(Object.values(row.byParagraph))),
          totals(fs, ms),
        );
      }),
    );
  });

  test('the sum over weapon types, none included, equals the total X', () => {
    fc.assert(
      fc.property(sampleArb, ([fs, ms]) => {
        assert.deepEqual(
          countsByWeaponType(fs, ms).map((row) => sum(Object.values(row.byWeaponType))),
          totals(fs, ms),
        );
      }),
    );
  });

  test('legal framework + enforcement + instrument equals the total X', () => {
    fc.assert(
      fc.property(sampleArb, ([fs, ms]) => {
        const rows = legalVersusEnforcement(fs, ms);
        assert.deepEqual(
          rows.map((r) => r.legalFramework + r.enforcement + r.instrument),
          totals(fs, ms),
        );
      }),
    );
  });

  test('X + ? + NA + blank equals the number of fields', () => {
    fc.assert(
      fc.property(sampleArb, ([fs, ms]) => {
        for (const row of countsByState(fs, ms)) assert.equal(sum(Object.values(row.counts)), fs.length);
      }),
    );
  });

  test("the distribution's counts add up to the number of States", () => {
    fc.assert(
      fc.property(sampleArb, fc.integer({ min: 1, max: 40 }), ([fs, ms], width) => {
        const bins = distribution(fs, ms, width);
        assert.equal(sum(bins.map((bin) => bin.states)), ms.length);
        assert.ok(bins.at(-1)!.from <= fs.length && fs.length < bins.at(-1)!.to);
      }),
    );
  });

  test('a selection compared with itself has no change', () => {
    fc.assert(
      fc.property(sampleArb, ([fs, ms]) => {
        const rows = changeBetween(fs, ms, ms);
        assert.equal(rows.length, ms.length);
        for (const row of rows) assert.deepEqual([row.difference, row.gained, row.lost], [0, [], []]);
      }),
    );
  });

  test('the difference equals gains minus losses', () => {
    const twoArb = fieldsArb.chain((fs) =>
      fc.tuple(fc.constant(fs), matricesArb(fs.map((f) => f.code)), matricesArb(fs.map((f) => f.code))),
    );
    fc.assert(
      fc.property(twoArb, ([fs, before, after]) => {
        for (const row of changeBetween(fs, before, after)) {
          assert.equal(row.difference, row.gained.length - row.lost.length);
        }
      }),
    );
  });

  test('the all-States mean times their number equals the sum of totals', () => {
    fc.assert(
      fc.property(sampleArb, fc.constantFrom('regionalGroup' as const, 'organization' as const), ([fs, ms], by) => {
        const { all } = averagesBy(fs, ms, by);
        assert.equal(all.states, ms.length);
        if (ms.length === 0) return assert.equal(all.mean, null);
        assert.ok(Math.abs(all.mean! * all.states - sum(totals(fs, ms))) < 1e-9);
      }),
    );
  });
});
