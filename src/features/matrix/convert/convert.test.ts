import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { locales } from '../../../platform/i18n/locales.ts';
import { type ConvertibleCell, conversionNote, convertCells, parseMapping, planConversion } from './convert.ts';
import { checkTemplateDefinition } from '../templates/template-edit.ts';

const tpl = (version: string, codes: string[]) => ({ version, fields: codes.map((code) => ({ code })) });
const cell = (field: string, value: ConvertibleCell['value'] = 'X', remarks = ''): ConvertibleCell => ({
  field,
  value,
  remarks,
  sources: value === 'X' || value === '?' ? [{ kind: 'law', citation: `Law on ${field}`, locator: 'art. 1' }] : [],
  infoDate: '2017-05-01',
  instrumentStatus: null,
  instrumentDate: null,
});

const old = tpl('2017', ['OP2.A.N.LF', 'OP2.A.C.LF', 'OP2.B.N.LF', 'OP3a.C.N.EN']);
const next = tpl('2026', ['OP2.A.N.LF', 'OP2.A.C.LF', 'OP2.BB.N.LF', 'OP3a.D.N.EN']);

describe('planConversion', () => {
  it('maps unlisted fields to the same code, and lists what is lost and what is new', () => {
    const plan = planConversion(old, next, { from: '2017', to: '2026', fields: { 'OP2.B.N.LF': 'OP2.BB.N.LF' } });
    assert.deepEqual(plan.problems, []);
    assert.deepEqual(
      [...plan.map],
      [
        ['OP2.A.N.LF', 'OP2.A.N.LF'],
        ['OP2.A.C.LF', 'OP2.A.C.LF'],
        ['OP2.B.N.LF', 'OP2.BB.N.LF'],
      ],
    );
    assert.deepEqual(plan.unmappable, ['OP3a.C.N.EN']);
    assert.deepEqual(plan.unfilled, ['OP3a.D.N.EN']);
  });

  it('treats null as “no counterpart”, even when the target has the same code', () => {
    const plan = planConversion(old, next, { fields: { 'OP2.A.C.LF': null } });
    assert.deepEqual(plan.problems, []);
    assert.ok(!plan.map.has('OP2.A.C.LF'));
    assert.ok(plan.unmappable.includes('OP2.A.C.LF'));
    assert.ok(plan.unfilled.includes('OP2.A.C.LF'));
  });

  it('names unknown source and target codes, and the wrong templates', () => {
    const plan = planConversion(old, next, { from: '2010', to: '2030', fields: { 'OP9.X': 'OP2.A.N.LF', 'OP3a.C.N.EN': 'OP3a.NOPE' } });
    const fields = plan.problems.map((p) => p.field).sort();
    assert.deepEqual(fields, ['fields.OP3a.C.N.EN', 'fields.OP9.X', 'from', 'to']);
    assert.match(plan.problems.find((p) => p.field === 'fields.OP9.X')!.problem, /not a field of the template 2017/);
    assert.match(
      plan.problems.find((p) => p.field === 'fields.OP3a.C.N.EN')!.problem,
      /OP3a\.NOPE, which is not a field of the template 2026/,
    );
  });

  it('refuses two sources onto one target, explicit or by their code', () => {
    const explicit = planConversion(old, next, { fields: { 'OP2.B.N.LF': 'OP2.BB.N.LF', 'OP3a.C.N.EN': 'OP2.BB.N.LF' } });
    assert.deepEqual(explicit.problems.map((p) => p.field).sort(), ['fields.OP2.B.N.LF', 'fields.OP3a.C.N.EN']);
    assert.match(explicit.problems[0]!.problem, /one target takes one source/);
    const implicit = planConversion(old, next, { fields: { 'OP2.B.N.LF': 'OP2.A.N.LF' } });
    assert.deepEqual(implicit.problems.map((p) => p.field).sort(), ['fields.OP2.A.N.LF', 'fields.OP2.B.N.LF']);
    assert.match(implicit.problems.find((p) => p.field === 'fields.OP2.A.N.LF')!.problem, /by its code/);
  });
});

describe('convertCells', () => {
  it('carries value, sources, dates and remarks over, noting the old code where it changed', () => {
    const plan = planConversion(old, next, { fields: { 'OP2.B.N.LF': 'OP2.BB.N.LF' } });
    const cells = [
      cell('OP2.A.N.LF', 'X', 'Law of 2016'),
      cell('OP2.B.N.LF', '?', 'Draft law'),
      cell('OP2.A.C.LF', 'NA'),
      cell('OP3a.C.N.EN', 'X'),
    ];
    const result = convertCells(cells, plan);
    assert.deepEqual(result.cells[0], cells[0]);
    assert.deepEqual(result.cells[1], {
      ...cells[1],
      field: 'OP2.BB.N.LF',
      remarks: `Draft law\n${conversionNote(plan, 'OP2.B.N.LF', 'OP2.BB.N.LF')}`,
    });
    assert.match(result.cells[1]!.remarks, /OP2\.B\.N\.LF \(2017\) → OP2\.BB\.N\.LF \(2026\)/);
    assert.deepEqual(result.cells[2], cells[2]);
    assert.deepEqual(result.unmapped, [cells[3]]);
    assert.deepEqual(result.renamed, [{ from: 'OP2.B.N.LF', to: 'OP2.BB.N.LF' }]);
    // The input is not changed.
    assert.equal(cells[1]!.field, 'OP2.B.N.LF');
  });

  it('gives a remark to a renamed cell that had none', () => {
    const plan = planConversion(old, next, { fields: { 'OP2.B.N.LF': 'OP2.BB.N.LF' } });
    assert.equal(convertCells([cell('OP2.B.N.LF')], plan).cells[0]!.remarks, '[OP2.B.N.LF (2017) → OP2.BB.N.LF (2026)]');
  });
});

// Arbitrary templates and matrices for the properties.
const codeArb = fc.stringMatching(/^OP[1-3]\.[A-Z]{1,4}\.[NCBD]\.(LF|EN)$/);
const templateArb = fc.uniqueArray(codeArb, { minLength: 1, maxLength: 25 });
const cellArb = (field: string) =>
  fc.record(
    {
      field: fc.constant(field),
      value: fc.constantFrom('X' as const, '?' as const, 'NA' as const, '' as const),
      remarks: fc.string({ maxLength: 30 }),
      sources: fc.array(
        fc.record(
          { kind: fc.constantFrom('law' as const, 'website' as const), citation: fc.string({ minLength: 1, maxLength: 20 }) },
          { noNullPrototype: true },
        ),
        {
          maxLength: 2,
        },
      ),
      infoDate: fc.option(fc.constantFrom('2016-01-31', '2018-12-28'), { nil: null }),
      instrumentStatus: fc.option(fc.constantFrom('ratified', 'signed'), { nil: null }),
      instrumentDate: fc.option(fc.constant('1970-03-05'), { nil: null }),
    },
    { noNullPrototype: true },
  );
/** A template and a matrix on it: some of its fields have a cell. */
const matrixArb = templateArb.chain((codes) =>
  fc.tuple(
    fc.constant(codes),
    fc.subarray(codes).chain((filled) => fc.tuple(...filled.map(cellArb))),
  ),
);

describe('conversion properties', () => {
  it('converting with an identity mapping to an identical copy changes nothing', () => {
    fc.assert(
      fc.property(matrixArb, fc.boolean(), ([codes, cells], listed) => {
        // The identity written out in full, or left implicit: the same result.
        const fields = listed ? Object.fromEntries(codes.map((c) => [c, c])) : {};
        const plan = planConversion(tpl('A', codes), tpl('A-copy', [...codes]), { from: 'A', to: 'A-copy', fields });
        assert.deepEqual(plan.problems, []);
        assert.deepEqual(plan.unmappable, []);
        assert.deepEqual(plan.unfilled, []);
        const result = convertCells(cells, plan);
        assert.deepEqual(result.cells, cells);
        assert.deepEqual(result.unmapped, []);
        assert.deepEqual(result.renamed, []);
      }),
    );
  });

  it('every converted cell comes from exactly one source cell, and none is lost unreported', () => {
    fc.assert(
      fc.property(matrixArb, templateArb, fc.func(fc.option(fc.nat(), { nil: null })), ([codes, cells], targetCodes, choose) => {
        // A mapping that sends each source field to a distinct target field, or to null.
        const free = [...targetCodes];
        const fields: Record<string, string | null> = {};
        for (const code of codes) {
          const pick = choose(code);
          fields[code] = pick === null || free.length === 0 ? null : free.splice(pick % free.length, 1)[0]!;
        }
        const plan = planConversion(tpl('A', codes), tpl('B', targetCodes), { fields });
        assert.deepEqual(plan.problems, []);
        const result = convertCells(cells, plan);
        assert.equal(result.cells.length + result.unmapped.length, cells.length);
        assert.equal(new Set(result.cells.map((c) => c.field)).size, result.cells.length, 'two cells on one field');
        for (const out of result.cells) {
          const from = cells.filter((c) => plan.map.get(c.field) === out.field);
          assert.equal(from.length, 1);
          assert.equal(out.value, from[0]!.value);
          assert.deepEqual(out.sources, from[0]!.sources);
          assert.equal(out.infoDate, from[0]!.infoDate);
          assert.ok(targetCodes.includes(out.field));
          assert.ok(out.remarks.startsWith(from[0]!.remarks));
        }
        for (const lost of result.unmapped) assert.ok(plan.unmappable.includes(lost.field));
      }),
    );
  });
});

describe('parseMapping', () => {
  it('reads a mapping and names what is wrong with one', () => {
    assert.deepEqual(parseMapping({ from: '2017', to: '2026', fields: { A: 'B', C: null } }), {
      mapping: { from: '2017', to: '2026', fields: { A: 'B', C: null } },
      problems: [],
    });
    const bad = parseMapping({ from: 7, fields: { A: 3, B: '' }, extra: true });
    assert.deepEqual(
      bad.problems.map((p) => p.field),
      ['mapping.from', 'mapping.fields.A', 'mapping.fields.B', 'mapping.extra'],
    );
    assert.deepEqual(
      parseMapping([]).problems.map((p) => p.field),
      ['mapping'],
    );
  });
});

describe('checkTemplateDefinition', () => {
  const labels = Object.fromEntries(locales.map((l) => [l, `Label ${l}`]));
  const good = () => ({
    version: '2026',
    sections: [{ code: 'OP2', paragraph: 'OP2', labels }],
    rows: [{ code: 'OP2.USE', section: 'OP2', labels }],
    fields: [
      { code: 'OP2.USE.N.LF', row: 'OP2.USE', paragraph: 'OP2', weaponType: 'nuclear', measureKind: 'legal-framework' },
      { code: 'OP2.USE.N.EN', row: 'OP2.USE', paragraph: 'OP2', weaponType: null, measureKind: 'enforcement' },
    ],
  });

  it('accepts a well-formed definition and drops unknown keys', () => {
    const { definition, problems, title } = checkTemplateDefinition({ ...good(), extra: 1 });
    assert.deepEqual(problems, []);
    assert.equal(title, null);
    assert.equal(definition.fields.length, 2);
    assert.deepEqual(Object.keys(definition), ['sections', 'rows', 'fields']);
  });

  it('names each problem by its path', () => {
    const d = good();
    d.sections.push({ code: 'OP2', paragraph: 'OP7' as 'OP2', labels: { ...labels, fr: ' ' } });
    d.rows.push({ code: 'OP2 bad', section: 'OP9', labels });
    d.fields.push(
      { code: 'OP2.USE.N.LF', row: 'OP2.NONE', paragraph: 'OP2', weaponType: 'laser' as 'nuclear', measureKind: 'legal-framework' },
      { code: 'OP2.USE.C.LF', row: 'OP2.USE', paragraph: 'OP3a', weaponType: 'chemical', measureKind: 'budget' as 'enforcement' },
    );
    const { problems } = checkTemplateDefinition({ ...d, title: { en: 'Only English' } });
    const at = problems.map((p) => p.field);
    for (const path of [
      'title.fr',
      'sections[1].code',
      'sections[1].paragraph',
      'sections[1].labels.fr',
      'rows[1].code',
      'rows[1].section',
      'fields[2].code',
      'fields[2].row',
      'fields[2].weaponType',
      'fields[3].paragraph',
      'fields[3].measureKind',
    ])
      assert.ok(at.includes(path), `${path} in ${JSON.stringify(at)}`);
    assert.match(problems.find((p) => p.field === 'sections[1].code')!.problem, /used twice/);
    assert.match(problems.find((p) => p.field === 'fields[3].paragraph')!.problem, /must be OP2/);
  });

  it('needs at least one field, and lists', () => {
    assert.deepEqual(
      checkTemplateDefinition({ ...good(), fields: [] }).problems.map((p) => p.field),
      ['fields'],
    );
    assert.deepEqual(
      checkTemplateDefinition({ sections: {}, fields: 'x' }).problems.map((p) => p.field),
      ['sections', 'rows', 'fields'],
    );
    assert.deepEqual(
      checkTemplateDefinition('x').problems.map((p) => p.field),
      ['(definition)'],
    );
  });
});
