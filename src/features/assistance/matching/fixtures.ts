// A request item and an offer for the engine's tests: the offer serves every region and has no
// period (so +5 +5 = 10 on top of what it shares) and lists no language.
import type { MatchItem, MatchOffer } from './matching.ts';

export const item = (over: Partial<MatchItem> = {}): MatchItem => ({
  id: 'item-1',
  requestId: 'request-1',
  stateIso3: 'MLI',
  region: 'african',
  languages: ['fr'],
  paragraphs: [],
  weapons: [],
  areas: [],
  kinds: [],
  receivedOn: '2018-06-01',
  ...over,
});

export const offer = (id: string, over: Partial<MatchOffer> = {}): MatchOffer => ({
  id,
  providerKey: `organization:${id.toUpperCase()}`,
  paragraphs: [],
  weapons: [],
  areas: [],
  kinds: [],
  regions: [],
  languages: [],
  periodFrom: null,
  periodTo: null,
  ...over,
});

export const delivered = (n: number, areaCodes: string[]) => Array.from({ length: n }, () => ({ areas: areaCodes, weapons: ['chemical'] }));
