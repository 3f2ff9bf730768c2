import type { PublicationKind, PublicationStatus } from './schema.ts';

/* The shape of the demonstration publications (demo-publications.ts) and how their texts are written: each language's version its own text, marked illustrative in its language. */

export type Language = 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
export type Texts = Partial<Record<Language, { title: string; body: string }>>;

export interface DemoPublication {
  kind: PublicationKind;
  dated: string;
  status?: PublicationStatus;
  texts: Texts;
}

/** "Illustrative", in each language, at the end of each body. */
const notes: Record<Language, string> = {
  en: 'Illustrative text: the 2018 review (S/2018/1167) gives the number of these publications, not their titles or dates.',
  fr: 'Texte illustratif : l’examen de 2018 (S/2018/1167) donne le nombre de ces publications, non leurs titres ni leurs dates.',
  es: 'Texto ilustrativo: el examen de 2018 (S/2018/1167) indica el número de estas publicaciones, no sus títulos ni sus fechas.',
  ru: 'Иллюстративный текст: в обзоре за 2018 год (S/2018/1167) указано число этих публикаций, но не их названия и даты.',
  zh: '示例文本：2018年审查报告（S/2018/1167）列出了这些出版物的数量，但未列出其标题或日期。',
  ar: 'نص توضيحي: يذكر استعراض عام 2018 (S/2018/1167) عدد هذه المنشورات، لا عناوينها ولا تواريخها.',
};

/** The versions given as [title, what it is about] by language, each body ending with the note in its language. */
export const versions = (given: Partial<Record<Language, [title: string, about: string]>>): Texts =>
  Object.fromEntries(
    Object.entries(given).map(([l, [title, about]]) => [l, { title, body: `${about}\n\n${notes[l as Language]}` }]),
  ) as Texts;

export const pr = (dated: string, given: Partial<Record<Language, [string, string]>>): DemoPublication => ({
  kind: 'press-release',
  dated,
  texts: versions(given),
});
