import { features } from '../registry.ts';
import type { BundleSection } from './section.ts';

/**
 * Every section of the bundle, in dependency order, since an import applies them in this order:
 * the registry's order (a feature after those it uses), except that a section that names records of
 * later features (`after`) waits for their sections.
 */
export function bundleSections(): readonly BundleSection<unknown>[] {
  const waiting = features().flatMap((f) => f.bundle ?? []);
  const placed: BundleSection<unknown>[] = [];
  const names = new Set(waiting.map((s) => s.name));
  while (waiting.length) {
    const i = waiting.findIndex((s) => (s.after ?? []).every((n) => !names.has(n) || placed.some((p) => p.name === n)));
    if (i < 0) throw new Error(`the bundle sections ${waiting.map((s) => s.name).join(', ')} wait for one another`);
    placed.push(...waiting.splice(i, 1));
  }
  return placed;
}

export function sectionNamed(name: string): BundleSection<unknown> | undefined {
  return bundleSections().find((s) => s.name === name);
}
