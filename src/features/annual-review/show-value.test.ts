import assert from 'node:assert/strict';
import { test } from 'node:test';
import { messages } from '../../platform/i18n/i18n.ts';
import { showValue } from './document.ts';

const names: Record<string, Record<string, string>> = {
  en: { TLS: 'Timor-Leste', COM: 'Comoros', GNB: 'Guinea-Bissau' },
  zh: { TLS: '东帝汶', COM: '科摩罗', GNB: '几内亚比绍' },
};

test('a figure that lists States shows them in the reader’s language and in its order, not in the order of their codes', () => {
  const codes = ['TLS', 'COM', 'GNB'];
  assert.equal(
    showValue(messages('en'), codes, (c) => names.en![c]!),
    'Comoros, Guinea-Bissau and Timor-Leste',
  );
  // Chinese: by the reading of the names (dōng, jǐ, kē), as the UN's Chinese lists them.
  assert.equal(
    showValue(messages('zh'), codes, (c) => names.zh![c]!),
    '东帝汶、几内亚比绍和科摩罗',
  );
  assert.equal(showValue(messages('fr'), 1234, String).replace(/\s/g, ' '), '1 234');
});
