// What the demonstration's requests after 2018 ask for (illustrative): two needs each, and the two
// providers each is circulated to (providers with an offer in the demonstration).
import type { ItemInput } from '../requests/inputs.ts';
import type { LaterRequest } from './later.ts';

export interface Need {
  state: string;
  languages: string[];
  providers: [string, string];
  channel: LaterRequest['channel'];
  items: [ItemInput, ItemInput];
}

const need = (description: string, areas: string[], kinds: string[], paragraphs: string[], weapons: string[]): ItemInput => ({
  description,
  areas,
  kinds,
  paragraphs,
  weapons,
  illustrative: true,
});

/** What later requests ask for: two needs each, and the two providers they are circulated to. */
export const needs: Need[] = [
  {
    state: 'KEN',
    languages: ['en'],
    providers: ['organization:UNODC', 'organization:WCO'],
    channel: 'note-verbale',
    items: [
      need(
        'Review of the draft law on chemical, biological, radiological and nuclear weapons.',
        ['legislation'],
        ['legal-review'],
        ['OP2'],
        ['chemical', 'biological', 'nuclear'],
      ),
      need(
        'Training of customs officers in identifying dual-use goods.',
        ['border-control', 'export-control'],
        ['training'],
        ['OP3c', 'OP3d'],
        ['nuclear', 'chemical'],
      ),
    ],
  },
  {
    state: 'JOR',
    languages: ['ar', 'en'],
    providers: ['organization:OPCW', 'organization:EU'],
    channel: 'letter',
    items: [
      need(
        'Chemical security at industrial facilities that hold toxic chemicals.',
        ['chemical-security'],
        ['expert-advice', 'training'],
        ['OP3a', 'OP3b'],
        ['chemical'],
      ),
      need(
        'A national control list for dual-use items.',
        ['export-control'],
        ['expert-advice'],
        ['OP3d'],
        ['chemical', 'biological', 'nuclear', 'delivery'],
      ),
    ],
  },
  {
    state: 'PHL',
    languages: ['en'],
    providers: ['organization:IAEA', 'state:USA'],
    channel: 'template',
    items: [
      need(
        'Radiation detection equipment and training for the main seaports.',
        ['border-control', 'nuclear-security'],
        ['equipment', 'training'],
        ['OP3c'],
        ['nuclear'],
      ),
      need(
        'Licensing and enforcement under the strategic trade management act.',
        ['export-control'],
        ['training', 'expert-advice'],
        ['OP3d'],
        ['nuclear', 'chemical', 'biological', 'delivery'],
      ),
    ],
  },
  {
    state: 'CMR',
    languages: ['fr', 'en'],
    providers: ['organization:WHO', 'organization:UNODA'],
    channel: 'note-verbale',
    items: [
      need(
        'Biosafety and biosecurity in public health laboratories.',
        ['biosafety-biosecurity'],
        ['training'],
        ['OP3a', 'OP3b'],
        ['biological'],
      ),
      need(
        'Preparing a voluntary national implementation action plan.',
        ['coordination', 'reporting'],
        ['expert-advice'],
        ['OP1'],
        ['nuclear', 'chemical', 'biological', 'delivery'],
      ),
    ],
  },
  {
    state: 'PRY',
    languages: ['es'],
    providers: ['organization:UNLIREC', 'organization:UNODC'],
    channel: 'note-verbale',
    items: [
      need(
        'Criminal provisions against the financing of proliferation.',
        ['legislation', 'financing'],
        ['legal-review'],
        ['OP2'],
        ['nuclear', 'chemical', 'biological', 'delivery'],
      ),
      need(
        'Outreach to exporters of dual-use goods.',
        ['industry-outreach', 'export-control'],
        ['awareness'],
        ['OP3d'],
        ['chemical', 'biological'],
      ),
    ],
  },
  {
    state: 'KGZ',
    languages: ['ru'],
    providers: ['organization:IAEA', 'organization:OSCE'],
    channel: 'template',
    items: [
      need(
        'Detection of nuclear and radioactive material at border crossings.',
        ['border-control', 'nuclear-security'],
        ['equipment', 'training'],
        ['OP3c'],
        ['nuclear'],
      ),
      need(
        'Updating the national action plan adopted in 2017.',
        ['coordination'],
        ['expert-advice'],
        ['OP1'],
        ['nuclear', 'chemical', 'biological', 'delivery'],
      ),
    ],
  },
  {
    state: 'SEN',
    languages: ['fr'],
    providers: ['organization:UNODA', 'organization:WCO'],
    channel: 'note-verbale',
    items: [
      need(
        'A national coordination mechanism for resolution 1540 (2004).',
        ['coordination'],
        ['expert-advice'],
        ['OP1'],
        ['nuclear', 'chemical', 'biological', 'delivery'],
      ),
      need(
        'Training of customs and port officials in the port of Dakar.',
        ['border-control'],
        ['training'],
        ['OP3c'],
        ['nuclear', 'chemical', 'biological'],
      ),
    ],
  },
  {
    state: 'LAO',
    languages: ['en'],
    providers: ['organization:WOAH', 'organization:WHO'],
    channel: 'letter',
    items: [
      need('Biosecurity in veterinary laboratories.', ['biosafety-biosecurity'], ['training', 'equipment'], ['OP3a'], ['biological']),
      need(
        'Accounting for dangerous pathogens held in laboratories.',
        ['accounting-protection'],
        ['expert-advice'],
        ['OP3a'],
        ['biological'],
      ),
    ],
  },
  {
    state: 'ECU',
    languages: ['es'],
    providers: ['organization:EU-CBRN-COE', 'organization:INTERPOL'],
    channel: 'template',
    items: [
      need(
        'Training of police and border agencies against CBRN trafficking.',
        ['border-control'],
        ['training'],
        ['OP3c'],
        ['nuclear', 'chemical', 'biological'],
      ),
      need('Equipment for a national CBRN response team.', ['border-control'], ['equipment'], ['OP3c'], ['chemical', 'biological']),
    ],
  },
  {
    state: 'MNG',
    languages: ['en', 'ru'],
    providers: ['organization:IAEA', 'organization:UNODA'],
    channel: 'note-verbale',
    items: [
      need(
        'Physical protection of radioactive sources in mining and medicine.',
        ['nuclear-security', 'accounting-protection'],
        ['expert-advice', 'equipment'],
        ['OP3a', 'OP3b'],
        ['nuclear'],
      ),
      need(
        'Preparing the additional information to the Committee.',
        ['reporting'],
        ['expert-advice'],
        ['OP1'],
        ['nuclear', 'chemical', 'biological', 'delivery'],
      ),
    ],
  },
];
