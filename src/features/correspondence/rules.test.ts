import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../../platform/errors.ts';
import { checkLetterInput, type LetterInput, letterFilters, parseConcerns, parseStateCodes } from './inputs.ts';
import { nonReportingAsAt, stateConcerned } from './rules.ts';

const base: LetterInput = {
  kind: 'letter',
  sentOn: '2018-05-15',
  senderKind: 'chair',
  recipientsMode: 'state',
  recipients: ['MLI'],
  subject: 'A letter',
};
const fields = (input: Partial<LetterInput>, today = '2018-12-31') => checkLetterInput({ ...base, ...input }, today).map((p) => p.field);

describe('checking a letter', () => {
  test('a complete letter has no problem', () => {
    assert.deepEqual(fields({}), []);
  });

  test('each problem names its field', () => {
    const cases: [Partial<LetterInput>, string[]][] = [
      [{ sentOn: '2019-01-01' }, ['sentOn']],
      [{ sentOn: '2018-02-30' }, ['sentOn']],
      [{ sentOn: '' }, ['sentOn']],
      [{ sentOn: '2004-04-27' }, ['sentOn']],
      [{ kind: 'telegram' }, ['kind']],
      [{ subject: '  ' }, ['subject']],
      [{ senderKind: 'state' }, ['senderState']],
      [{ senderKind: 'organization' }, ['senderOrganization']],
      [{ senderKind: 'someone' }, ['senderKind']],
      [{ recipients: [] }, ['recipients']],
      [{ recipients: ['MLI', 'NER'] }, ['recipients']],
      [{ recipientsMode: 'list', recipients: [] }, ['recipients']],
      [{ recipientsMode: 'other' }, ['recipientOther']],
      [{ recipientsMode: 'everyone' }, ['recipientsMode']],
      [{ inReplyTo: 'not-an-id' }, ['inReplyTo']],
      [{ concerns: [{ recordType: 'visit', recordId: 'x' }] }, ['concerns']],
      [{ confidentiality: 'secret' }, ['confidentiality']],
      [{ recipientsMode: 'list', recipients: ['MLI', 'NER'], confidentiality: 'committee-and-state' }, ['confidentiality']],
      [{ recipientsMode: 'non-reporting', confidentiality: 'committee-and-state' }, ['confidentiality']],
    ];
    for (const [input, expected] of cases) assert.deepEqual(fields(input), expected, JSON.stringify(input));
  });

  test('today itself is not in the future', () => {
    assert.deepEqual(fields({ sentOn: '2018-12-31' }), []);
  });

  test('committee-and-state needs a State sender or a single State recipient', () => {
    assert.deepEqual(fields({ confidentiality: 'committee-and-state' }), []);
    assert.deepEqual(
      fields({
        senderKind: 'state',
        senderState: 'NER',
        recipientsMode: 'committee',
        recipients: [],
        confidentiality: 'committee-and-state',
      }),
      [],
    );
  });
});

test('the State concerned: the sender State first, else the one State addressed', () => {
  assert.equal(stateConcerned({ senderKind: 'state', senderState: 'ner', recipientsMode: 'committee' }), 'NER');
  assert.equal(stateConcerned({ senderKind: 'chair', recipientsMode: 'state', recipients: ['MLI'] }), 'MLI');
  assert.equal(stateConcerned({ senderKind: 'chair', recipientsMode: 'list', recipients: ['MLI'] }), null);
  assert.equal(stateConcerned({ senderKind: 'organization', recipientsMode: 'committee' }), null);
});

test('the non-reporting States as at a date: members then, without a first report by then', () => {
  const states = [
    { iso3: 'AAA', unMemberSince: '1945-10-24' },
    { iso3: 'BBB', unMemberSince: '1960-09-20' },
    { iso3: 'CCC', unMemberSince: '1960-09-20' },
    { iso3: 'SSD', unMemberSince: '2011-07-14' },
  ];
  const reports = [
    { stateIso3: 'AAA', kind: 'first-report' as const, receivedOn: '2005-01-10' },
    { stateIso3: 'BBB', kind: 'additional-information' as const, receivedOn: '2006-01-10' },
    { stateIso3: 'BBB', kind: 'first-report' as const, receivedOn: '2018-05-15' },
    { stateIso3: 'CCC', kind: 'first-report' as const, receivedOn: '2009-03-01', archived: true },
  ];
  assert.deepEqual(nonReportingAsAt(states, reports, '2010-01-01'), ['BBB', 'CCC']);
  assert.deepEqual(nonReportingAsAt(states, reports, '2018-05-14'), ['BBB', 'CCC', 'SSD']);
  assert.deepEqual(nonReportingAsAt(states, reports, '2018-05-15'), ['CCC', 'SSD']);
});

test('codes and concerns from free text', () => {
  assert.deepEqual(parseStateCodes(' mli, NER;tcd  MLI '), ['MLI', 'NER', 'TCD']);
  const problems: { field: string; problem: string }[] = [];
  const id = '0b6f1a52-6f0c-4a0e-9d5e-1f6d2a8e9c11';
  assert.deepEqual(parseConcerns([`visit:${id}, assistance-request:2018-IRQ visit:${id}`], problems), [
    { recordType: 'visit', recordId: id },
    { recordType: 'assistance-request', recordId: '2018-IRQ' },
  ]);
  assert.equal(problems.length, 0);
  parseConcerns(['poem:1'], problems);
  assert.deepEqual(
    problems.map((p) => p.field),
    ['concerns'],
  );
});

test('list filters: a year and a period meet; a malformed filter is refused by name', () => {
  assert.deepEqual(letterFilters({ year: '2018', from: '2018-06-01', state: 'mli' }), {
    state: 'MLI',
    from: '2018-06-01',
    to: '2018-12-31',
  });
  assert.throws(
    () => letterFilters({ year: '18', kind: 'poem', from: '2018-13-01' }),
    (e: unknown) =>
      e instanceof AppError &&
      e.fields
        .map((f) => f.field)
        .sort()
        .join() === 'from,kind,year',
  );
});
