import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { locales } from '../../../platform/i18n/locales.ts';
import t from './data/template-2017.json' with { type: 'json' };
import { type MeasureKind, measureKinds, type Paragraph, paragraphs, type TemplateData, type WeaponType, weaponTypes } from './template.ts';

// The JSON import widens literals to string; check it against the interface once, then use it typed.
const template: TemplateData = t as TemplateData;
const { sections, rows, fields } = template;

const sectionByCode = new Map(sections.map((s) => [s.code, s]));
const rowByCode = new Map(rows.map((r) => [r.code, r]));
const fieldsByRow = (row: string) => fields.filter((f) => f.row === row);
const rowsOf = (section: string) => rows.filter((r) => r.section === section);

const weaponLetter: Record<WeaponType, string> = { nuclear: 'N', chemical: 'C', biological: 'B', delivery: 'D' };
const kindSuffix: Partial<Record<MeasureKind, string>> = { 'legal-framework': 'LF', enforcement: 'EN' };
const nbc: WeaponType[] = ['nuclear', 'chemical', 'biological'];
const gridKinds: MeasureKind[] = ['legal-framework', 'enforcement'];

/** The (weapon type, kind) pairs a grid row's fields must have, in order. */
function expectedColumns(types: readonly WeaponType[]): Array<[WeaponType, MeasureKind]> {
  return types.flatMap((w) => gridKinds.map((k): [WeaponType, MeasureKind] => [w, k]));
}

describe('matrix template 2017 (data/template-2017.json)', () => {
  it('is version 2017 with an ISO approval date and a title', () => {
    assert.equal(template.version, '2017');
    assert.match(template.approvedOn, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(!Number.isNaN(Date.parse(template.approvedOn)));
    assert.ok(template.approvedOn.startsWith('2017-'));
  });

  it('has the six sections in order, each with paragraph equal to its code', () => {
    assert.deepEqual(
      sections.map((s) => s.code),
      [...paragraphs],
    );
    for (const s of sections) assert.equal(s.paragraph, s.code);
  });

  it('puts every row in an existing section, rows grouped by section in section order', () => {
    for (const r of rows) assert.ok(sectionByCode.has(r.section), `row ${r.code}: unknown section ${r.section}`);
    const order = sections.map((s) => s.code);
    let last = 0;
    for (const r of rows) {
      const i = order.indexOf(r.section);
      assert.ok(i >= last, `row ${r.code} (${r.section}) comes after a row of a later section`);
      last = i;
    }
    for (const s of sections) assert.ok(rowsOf(s.code).length > 0, `section ${s.code} has no rows`);
  });

  it('ties every field to an existing row, with its section’s paragraph, fields grouped by row in row order', () => {
    for (const f of fields) {
      const row = rowByCode.get(f.row);
      assert.ok(row, `field ${f.code}: unknown row ${f.row}`);
      assert.equal(f.paragraph, sectionByCode.get(row.section)?.paragraph, `field ${f.code}`);
      assert.ok((paragraphs as readonly string[]).includes(f.paragraph));
      assert.ok(f.weaponType === null || (weaponTypes as readonly string[]).includes(f.weaponType));
      assert.ok((measureKinds as readonly string[]).includes(f.measureKind));
    }
    const rowOrder = rows.map((r) => r.code);
    let last = 0;
    for (const f of fields) {
      const i = rowOrder.indexOf(f.row);
      assert.ok(i >= last, `field ${f.code} comes after a field of a later row`);
      last = i;
    }
    for (const r of rows) assert.ok(fieldsByRow(r.code).length > 0, `row ${r.code} has no fields`);
  });

  it('has unique, well-formed codes across sections, rows and fields (an OP1 row and its field share one)', () => {
    const codeShape = /^OP(1|2|3[a-d])(\.[A-Z0-9]+(-[A-Z0-9]+)*)*$/;
    for (const list of [sections, rows, fields]) {
      const codes = list.map((x) => x.code);
      assert.equal(new Set(codes).size, codes.length, 'duplicate code within a list');
      for (const c of codes) assert.match(c, codeShape);
    }
    const sectionCodes = new Set(sections.map((s) => s.code));
    for (const r of rows) {
      assert.ok(!sectionCodes.has(r.code));
      assert.ok(r.code.startsWith(`${r.section}.`), `row ${r.code} is not prefixed by its section`);
    }
    const rowCodes = new Set(rows.map((r) => r.code));
    for (const f of fields) {
      assert.ok(!sectionCodes.has(f.code));
      assert.ok(f.code === f.row || f.code.startsWith(`${f.row}.`), `field ${f.code} is not prefixed by its row`);
      if (rowCodes.has(f.code)) assert.equal(f.paragraph, 'OP1', `only OP1 fields share their row's code: ${f.code}`);
    }
  });

  it('labels the title, every section and every row in the six languages, in their scripts', () => {
    const labelled = [
      { what: 'title', labels: template.title },
      ...sections.map((s) => ({ what: `section ${s.code}`, labels: s.labels })),
      ...rows.map((r) => ({ what: `row ${r.code}`, labels: r.labels })),
    ];
    for (const { what, labels } of labelled) {
      assert.deepEqual(Object.keys(labels).sort(), [...locales].sort(), `${what}: languages`);
      for (const l of locales) {
        const text = labels[l];
        assert.equal(typeof text, 'string', `${what} [${l}]`);
        assert.ok(text.trim().length > 0, `${what} [${l}] is empty`);
        assert.equal(text, text.trim(), `${what} [${l}] has outer whitespace`);
      }
      assert.match(labels.zh, /\p{Script=Han}/u, `${what} [zh] has no Han characters`);
      assert.match(labels.ar, /\p{Script=Arabic}/u, `${what} [ar] has no Arabic script`);
      assert.match(labels.ru, /\p{Script=Cyrillic}/u, `${what} [ru] has no Cyrillic`);
      for (const l of ['en', 'fr', 'es'] as const) assert.match(labels[l], /\p{Script=Latin}/u, `${what} [${l}]`);
    }
  });

  it('gives each OP1 row one instrument field with the row’s code', () => {
    const op1 = rowsOf('OP1');
    assert.ok(op1.length >= 25, `OP1 has ${op1.length} rows`);
    for (const r of op1) {
      const fs = fieldsByRow(r.code);
      assert.equal(fs.length, 1, `row ${r.code}`);
      assert.equal(fs[0]?.code, r.code);
    }
    for (const f of fields.filter((x) => x.paragraph === 'OP1')) assert.equal(f.measureKind, 'instrument', f.code);
    for (const f of fields.filter((x) => x.paragraph !== 'OP1')) assert.notEqual(f.measureKind, 'instrument', f.code);
    const weaponOf = (code: string) => fields.find((f) => f.code === code)?.weaponType;
    assert.equal(weaponOf('OP1.NPT'), 'nuclear');
    assert.equal(weaponOf('OP1.CWC'), 'chemical');
    assert.equal(weaponOf('OP1.BWC'), 'biological');
    assert.equal(weaponOf('OP1.MTCR'), 'delivery');
    assert.equal(weaponOf('OP1.HCOC'), 'delivery');
  });

  it('gives each OP2 row 4 weapon types × (legal framework, enforcement), in order', () => {
    const op2 = rowsOf('OP2');
    assert.equal(op2.length, 13);
    assert.ok(rowByCode.has('OP2.TERRORIST-PURPOSES'));
    for (const r of op2) {
      const fs = fieldsByRow(r.code);
      assert.deepEqual(
        fs.map((f) => [f.weaponType, f.measureKind]),
        expectedColumns(weaponTypes),
        `row ${r.code}`,
      );
      for (const f of fs) {
        assert.equal(f.code, `${r.code}.${weaponLetter[f.weaponType as WeaponType]}.${kindSuffix[f.measureKind]}`);
      }
    }
  });

  it('gives each OP3a–d row 3 weapon types × (legal framework, enforcement), never delivery', () => {
    for (const p of ['OP3a', 'OP3b', 'OP3c', 'OP3d'] as Paragraph[]) {
      for (const r of rowsOf(p)) {
        const fs = fieldsByRow(r.code);
        assert.deepEqual(
          fs.map((f) => [f.weaponType, f.measureKind]),
          expectedColumns(nbc),
          `row ${r.code}`,
        );
        for (const f of fs) {
          assert.notEqual(f.weaponType, 'delivery');
          assert.equal(f.code, `${r.code}.${weaponLetter[f.weaponType as WeaponType]}.${kindSuffix[f.measureKind]}`);
        }
      }
    }
  });

  it('has between 300 and 450 fields in all', () => {
    assert.ok(fields.length >= 300 && fields.length <= 450, `${fields.length} fields`);
  });
});
