// The offers of the providers the review names, and one State's.
import type { OfferInput } from '../offers/inputs.ts';
import type { AssistanceSource } from '../schema.ts';

type OfferPlan = OfferInput & { source: AssistanceSource };
const everyWeapon = ['nuclear', 'chemical', 'biological', 'delivery'];
const sixLanguages = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

/**
 * Offers from the providers the review names. `seed` where the review names the provider giving or
 * answering assistance (¶15, ¶19, ¶27, ¶28); `illustrative` where it names the provider only as a
 * partner (¶29–¶33) or not at all (the United States, whose EXBS programme is public). In every
 * offer the areas, kinds, languages and regions are illustrative, from the provider's public
 * mandate; programme names are the providers' own, and no address is given where not certain.
 */
export function offers(): OfferPlan[] {
  const seedNote = (para: string) =>
    `The review names this provider (S/2018/1167, ${para}); the offer's details are illustrative, from its public mandate.`;
  const partnerNote = (para: string) =>
    `Illustrative offer: the review names this organization as a partner of the Committee (S/2018/1167, ${para}), not its offer.`;
  return [
    // ¶19 (a)–(d): WCO answered the requests of Iraq and Tajikistan, and supported UNODA's responses to Togo and Zambia.
    {
      provider: 'organization:WCO',
      title: 'Strategic trade control enforcement training for customs administrations',
      description: `Training of customs officers in identifying, inspecting and interdicting strategic goods at borders. ${seedNote('¶19')}`,
      paragraphs: ['OP3c', 'OP3d'],
      weapons: everyWeapon,
      areas: ['border-control', 'export-control'],
      kinds: ['training', 'expert-advice', 'awareness'],
      languages: ['en', 'fr', 'es', 'ar', 'ru'],
      programmes: [{ name: 'Strategic Trade Control Enforcement (STCE) Project', url: '' }],
      source: 'seed',
    },
    // ¶19 (a); ¶29: WHO among the organizations whose model legislation and guidelines the Committee encourages.
    {
      provider: 'organization:WHO',
      title: 'Laboratory biosafety and biosecurity, and the core capacities of the International Health Regulations',
      description: `Advice and training on laboratory biosafety and biosecurity and on detecting and responding to biological events. ${seedNote('¶19 (a), ¶29')}`,
      paragraphs: ['OP3a', 'OP3b'],
      weapons: ['biological'],
      areas: ['biosafety-biosecurity'],
      kinds: ['expert-advice', 'training'],
      languages: sixLanguages,
      programmes: [
        { name: 'International Health Regulations (2005)', url: '' },
        { name: 'Joint External Evaluation (JEE)', url: '' },
      ],
      source: 'seed',
    },
    // ¶19 (a); ¶31: INTERPOL at the informal meeting of 27 November 2018.
    {
      provider: 'organization:INTERPOL',
      title: 'Preventing CBRNE terrorism: training for police and border agencies',
      description: `Training and operational support for law enforcement against trafficking in chemical, biological, radiological and nuclear material. ${seedNote('¶19 (a), ¶31')}`,
      paragraphs: ['OP3c'],
      weapons: ['nuclear', 'chemical', 'biological'],
      areas: ['border-control'],
      kinds: ['training', 'expert-advice'],
      languages: ['en', 'fr', 'es', 'ar'],
      programmes: [
        { name: 'Bioterrorism Prevention Unit', url: '' },
        { name: 'Radiological and Nuclear Terrorism Prevention Unit', url: '' },
        { name: 'Chemical and Explosives Terrorism Prevention Unit', url: '' },
      ],
      source: 'seed',
    },
    // ¶19 (a); ¶29, ¶32 (c).
    {
      provider: 'organization:WOAH',
      title: 'Veterinary services and biological threat reduction',
      description: `Support to veterinary services and animal health laboratories in biosafety, biosecurity and the early detection of animal disease outbreaks. ${seedNote('¶19 (a), ¶32 (c)')}`,
      paragraphs: ['OP3a', 'OP3b'],
      weapons: ['biological'],
      areas: ['biosafety-biosecurity'],
      kinds: ['expert-advice', 'training'],
      languages: ['en', 'fr', 'es'],
      programmes: [
        { name: 'PVS Pathway (Performance of Veterinary Services)', url: '' },
        { name: 'Biological Threat Reduction Strategy', url: '' },
      ],
      source: 'seed',
    },
    // ¶19 (a), (b): the NSG answered the requests of Iraq and Tajikistan.
    {
      provider: 'organization:NSG',
      title: 'Outreach on nuclear export controls',
      description: `Briefings and exchanges on the NSG Guidelines, control lists and licensing practice for nuclear and nuclear-related dual-use items. ${seedNote('¶19 (a), (b)')}`,
      paragraphs: ['OP3d'],
      weapons: ['nuclear'],
      areas: ['export-control'],
      kinds: ['awareness', 'expert-advice'],
      languages: ['en'],
      programmes: [{ name: 'NSG Guidelines (INFCIRC/254)', url: '' }],
      source: 'seed',
    },
    // ¶19 (c), (d): UNODA answered the requests of Togo and Zambia with the support of WCO.
    {
      provider: 'organization:UNODA',
      title: 'National and regional support to the implementation of resolution 1540 (2004)',
      description: `Workshops, legislative assistance and support to national action plans, with partner organizations. ${seedNote('¶19 (c), (d)')}`,
      paragraphs: ['OP1', 'OP2', 'OP3d'],
      weapons: everyWeapon,
      areas: ['coordination', 'reporting', 'legislation', 'export-control'],
      kinds: ['expert-advice', 'training', 'awareness'],
      languages: sixLanguages,
      programmes: [{ name: 'UN Trust Fund for Global and Regional Disarmament Activities', url: '' }],
      source: 'seed',
    },
    // ¶27: “联合国和平、裁军与发展拉丁美洲和加勒比区域中心继续支持拉丁美洲和加勒比各国加强执行第 1540(2004)号决议。”
    {
      provider: 'organization:UNLIREC',
      title: 'Assistance to Latin American and Caribbean States in implementing resolution 1540 (2004)',
      description: `National round tables, legislative assistance and help with voluntary national implementation action plans. ${seedNote('¶27')}`,
      paragraphs: ['OP2', 'OP3c', 'OP3d'],
      weapons: everyWeapon,
      areas: ['reporting', 'coordination', 'legislation', 'export-control', 'border-control'],
      kinds: ['expert-advice', 'legal-review', 'training'],
      regions: ['latin-american-caribbean'],
      languages: ['es', 'en', 'fr'],
      source: 'seed',
    },
    // ¶28: “专家组与欧安组织支助了土库曼斯坦加强执行第 1540(2004)号决议的工作”; ¶33 (b).
    {
      provider: 'organization:OSCE',
      title: 'Support to OSCE participating States in implementing resolution 1540 (2004)',
      description: `National round tables, help with action plans and regional workshops on strategic trade controls. ${seedNote('¶28, ¶33 (b)')}`,
      paragraphs: ['OP3d'],
      weapons: everyWeapon,
      areas: ['coordination', 'reporting', 'export-control', 'legislation'],
      kinds: ['expert-advice', 'training'],
      regions: ['eastern-european', 'western-european-other', 'asia-pacific'],
      languages: ['en', 'ru'],
      source: 'seed',
    },
    // ¶15: the peer review between Kyrgyzstan and Tajikistan “白俄罗斯支助的”.
    {
      provider: 'state:BLR',
      title: 'Support to peer reviews and experience sharing on resolution 1540 (2004)',
      description: `Hosting and supporting peer reviews between States. ${seedNote('¶15')}`,
      areas: ['coordination', 'reporting'],
      kinds: ['expert-advice'],
      regions: ['eastern-european', 'asia-pacific'],
      languages: ['ru'],
      source: 'seed',
    },
    // ¶29, ¶31, ¶32 (d): the IAEA.
    {
      provider: 'organization:IAEA',
      title: 'Nuclear security: advisory services, training and equipment',
      description: `Nuclear security plans, physical protection advisory missions, detection equipment and training, legislative assistance. ${partnerNote('¶29, ¶31, ¶32 (d)')}`,
      paragraphs: ['OP3a', 'OP3b', 'OP3c'],
      weapons: ['nuclear'],
      areas: ['nuclear-security', 'accounting-protection', 'border-control', 'legislation'],
      kinds: ['expert-advice', 'training', 'equipment', 'legal-review'],
      languages: sixLanguages,
      programmes: [
        { name: 'Integrated Nuclear Security Support Plan (INSSP)', url: '' },
        { name: 'International Physical Protection Advisory Service (IPPAS)', url: '' },
      ],
      source: 'illustrative',
    },
    // ¶29, ¶32 (a): the OPCW.
    {
      provider: 'organization:OPCW',
      title: 'Implementing the Chemical Weapons Convention: legislation, chemical security and transfers',
      description: `Legislative assistance, training of national authorities and customs, and chemical safety and security management. ${partnerNote('¶29, ¶32 (a)')}`,
      paragraphs: ['OP2', 'OP3a', 'OP3b', 'OP3d'],
      weapons: ['chemical'],
      areas: ['legislation', 'chemical-security', 'export-control'],
      kinds: ['legal-review', 'training', 'expert-advice'],
      languages: sixLanguages,
      programmes: [{ name: 'Programme to Strengthen Cooperation with Africa on the Chemical Weapons Convention', url: '' }],
      source: 'illustrative',
    },
    // ¶29: UNODC.
    {
      provider: 'organization:UNODC',
      title: 'Legislative assistance against CBRN terrorism',
      description: `Review of national legislation against terrorism involving nuclear, chemical and biological weapons, and training of criminal justice officials. ${partnerNote('¶29')}`,
      paragraphs: ['OP2', 'OP3c'],
      weapons: everyWeapon,
      areas: ['legislation', 'border-control'],
      kinds: ['legal-review', 'training'],
      languages: sixLanguages,
      programmes: [
        { name: 'Global Programme on Strengthening the Legal Regime against Terrorism', url: '' },
        { name: 'Container Control Programme (with WCO)', url: '' },
      ],
      source: 'illustrative',
    },
    // ¶32 (b): the BWC Implementation Support Unit.
    {
      provider: 'organization:BWC-ISU',
      title: 'Assistance under the Biological Weapons Convention',
      description: `Putting States in touch with assistance for national implementation of the Convention, biosafety and biosecurity. ${partnerNote('¶32 (b)')}`,
      paragraphs: ['OP2', 'OP3a', 'OP3b'],
      weapons: ['biological'],
      areas: ['biosafety-biosecurity', 'legislation'],
      kinds: ['expert-advice', 'awareness'],
      languages: ['en', 'fr', 'es', 'ru'],
      programmes: [{ name: 'BWC Cooperation and Assistance Database', url: '' }],
      source: 'illustrative',
    },
    // ¶33 (c): the EU CBRN Risk Mitigation Centres of Excellence.
    {
      provider: 'organization:EU-CBRN-COE',
      title: 'CBRN risk mitigation: regional projects, training and equipment',
      description: `Regional projects on CBRN risk mitigation, border control and national CBRN action plans. ${partnerNote('¶33 (c)')}`,
      paragraphs: ['OP3a', 'OP3b', 'OP3c'],
      weapons: ['nuclear', 'chemical', 'biological'],
      areas: ['nuclear-security', 'chemical-security', 'biosafety-biosecurity', 'border-control', 'coordination'],
      kinds: ['training', 'equipment', 'expert-advice'],
      regions: ['african', 'asia-pacific', 'eastern-european', 'latin-american-caribbean'],
      languages: ['en', 'fr', 'ar', 'ru', 'es'],
      programmes: [{ name: 'EU CBRN Risk Mitigation Centres of Excellence Initiative', url: '' }],
      source: 'illustrative',
    },
    // ¶33 (c): the second EU partner-to-partner dialogue on export control governance.
    {
      provider: 'organization:EU',
      title: 'Dual-use export control cooperation',
      description: `Partner-to-partner cooperation on dual-use export control laws, licensing, enforcement and industry outreach. ${partnerNote('¶33 (c)')}`,
      paragraphs: ['OP3d'],
      weapons: everyWeapon,
      areas: ['export-control', 'legislation', 'industry-outreach'],
      kinds: ['expert-advice', 'training', 'legal-review'],
      languages: ['en', 'fr', 'es', 'ru', 'ar'],
      programmes: [{ name: 'EU P2P Export Control Programme', url: '' }],
      source: 'illustrative',
    },
    // ¶33 (d): the OAS Inter-American Committee against Terrorism.
    {
      provider: 'organization:CICTE',
      title: 'Resolution 1540 (2004) in the Americas: legislation, export controls and financing of proliferation',
      description: `Regional and national workshops for member States of the OAS. ${partnerNote('¶33 (d)')}`,
      paragraphs: ['OP2', 'OP3d'],
      weapons: everyWeapon,
      areas: ['legislation', 'export-control', 'financing'],
      kinds: ['training', 'expert-advice'],
      regions: ['latin-american-caribbean'],
      languages: ['es', 'en'],
      source: 'illustrative',
    },
    // ¶14, ¶33 (a): the African Union (the point-of-contact course in Addis Ababa; the meeting on a model law).
    {
      provider: 'organization:AU',
      title: 'Support to African States: points of contact and model legislation',
      description: `Training of points of contact and work on model legislation for implementing resolution 1540 (2004) in Africa. ${partnerNote('¶14, ¶33 (a)')}`,
      paragraphs: ['OP2'],
      weapons: everyWeapon,
      areas: ['legislation', 'reporting', 'coordination'],
      kinds: ['training', 'legal-review'],
      regions: ['african'],
      languages: ['en', 'fr', 'ar', 'pt'],
      source: 'illustrative',
    },
    // Not in the review: a State's offer, so that the demonstration has one (the programme is public).
    {
      provider: 'state:USA',
      title: 'Export control and related border security',
      description:
        'Legal and regulatory review, licensing, enforcement training, detection equipment and industry outreach. Illustrative offer: the review says States offered assistance (¶19, ¶21) without naming them.',
      paragraphs: ['OP3c', 'OP3d'],
      weapons: everyWeapon,
      areas: ['export-control', 'border-control', 'legislation', 'industry-outreach'],
      kinds: ['training', 'equipment', 'legal-review'],
      languages: ['en', 'es', 'fr', 'ru', 'ar'],
      programmes: [{ name: 'Export Control and Related Border Security (EXBS) Program', url: '' }],
      source: 'illustrative',
    },
  ];
}
