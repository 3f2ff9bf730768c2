import type { Kysely } from 'kysely';
import { actorOf } from '../../platform/audit/record.ts';
import type { Config } from '../../platform/config.ts';
import type { DB } from '../../platform/db/schema.ts';
import { accountNamed } from '../accounts/index.ts';
import { uploadDocument } from './commands.ts';

/**
 * The demonstration library: one short text in each UN language, made up (a model law or a report
 * excerpt of no real State), so that the library and the search have something to show on first
 * start. Each says in its title and its first line that it is illustrative.
 */
export const demoDocuments: readonly { language: string; title: string; kind: string; dated: string; text: string }[] = [
  {
    language: 'en',
    kind: 'report',
    dated: '2018-03-12',
    title: 'Illustrative national report excerpt: export controls (demonstration)',
    text: `Demonstration text, made up: not a real national report.

The national export control system covers nuclear, chemical and biological weapons, their means
of delivery and related materials. Exports of dual-use goods require a licence issued by the
licensing authority. Customs officers check shipments at every border crossing, and the
authorities report violations to the public prosecutor.`,
  },
  {
    language: 'fr',
    kind: 'report',
    dated: '2018-04-20',
    title: 'Extrait illustratif de rapport national : contrôle des exportations (démonstration)',
    text: `Texte de démonstration, inventé : ce n’est pas un rapport national réel.

Le contrôle des exportations s’applique aux armes nucléaires, chimiques et biologiques, à leurs
vecteurs et aux éléments connexes. Toute exportation de biens à double usage est soumise à une
licence délivrée par l’autorité compétente. Les douanes contrôlent les envois aux frontières.`,
  },
  {
    language: 'es',
    kind: 'other',
    dated: '2018-05-07',
    title: 'Ley modelo ilustrativa sobre el control de las exportaciones (demostración)',
    text: `Texto de demostración, inventado: no es una ley real.

Artículo 1. La presente ley establece el control de las exportaciones de armas nucleares,
químicas y biológicas, sus sistemas vectores y materiales conexos.
Artículo 2. La exportación de bienes de doble uso requiere una licencia de la autoridad nacional.`,
  },
  {
    language: 'ru',
    kind: 'other',
    dated: '2018-06-18',
    title: 'Иллюстративный типовой закон об экспортном контроле (демонстрация)',
    text: `Демонстрационный текст, вымышленный: это не настоящий закон.

Статья 1. Настоящий закон устанавливает порядок экспортного контроля в отношении ядерного,
химического и биологического оружия, средств его доставки и связанных с ними материалов.
Статья 2. Экспорт товаров двойного назначения осуществляется по лицензии уполномоченного органа.
Статья 3. Таможенные органы проверяют грузы на государственной границе.`,
  },
  {
    language: 'ar',
    kind: 'report',
    dated: '2018-09-24',
    title: 'مقتطف توضيحي من تقرير وطني: الرقابة على الصادرات (للعرض)',
    text: `نص للعرض، مختلَق: ليس تقريرا وطنيا حقيقيا.

تشمل الرقابة على الصادرات الأسلحة النووية والكيميائية والبيولوجية ووسائل إيصالها والمواد ذات الصلة.
ويتطلب تصدير السلع ذات الاستخدام المزدوج ترخيصا من السلطة الوطنية المختصة.
وتفتش سلطات الجمارك الشحنات على الحدود.`,
  },
  {
    language: 'zh',
    kind: 'other',
    dated: '2018-11-05',
    title: '出口管制示范法（演示用，虚构）',
    text: `演示文本，纯属虚构：并非真实法律。

第一条 本法对核武器、化学武器和生物武器及其运载工具和相关材料实行出口管制。
第二条 两用物项的出口须取得国家主管部门颁发的许可证。
第三条 海关在边境检查货物。`,
  },
];

/**
 * Uploads the demonstration documents through the library's write core, as the demonstration
 * expert, their files into the file store (`config.filesDir`). Runs once: a second call finds
 * them and adds nothing; without a configuration (no file store) it adds nothing either.
 */
export async function seedDemoDocuments(db: Kysely<DB>, config: Config | undefined): Promise<number> {
  if (!config) return 0;
  const titles = demoDocuments.map((d) => d.title);
  const existing = await db.selectFrom('document').select('id').where('title', 'in', titles).executeTakeFirst();
  if (existing) return 0;
  const expert = await accountNamed(db, 'expert@demo.r1540.org');
  for (const d of demoDocuments)
    await uploadDocument(db, config, actorOf(expert), expert, {
      title: d.title,
      language: d.language,
      kind: d.kind,
      state: '',
      confidentiality: 'public',
      links: [],
      dated: d.dated,
      file: { name: `demo-${d.language}.txt`, bytes: Buffer.from(`${d.text}\n`, 'utf8') },
    });
  return demoDocuments.length;
}
