import assert from 'node:assert/strict';
import { test } from 'node:test';
import { activitiesOf, activitiesText } from './kinds.tsx';

test('activities typed one a line, a linked record after the last bar; written back the same way', () => {
  const typed = 'Course in Addis Ababa | course:3f1c-aa\n\n  Travel of experts  \nA | B | visit:v-9\nNot a link | two words';
  const parsed = activitiesOf(typed);
  assert.deepEqual(parsed, [
    { description: 'Course in Addis Ababa', recordType: 'course', recordId: '3f1c-aa' },
    { description: 'Travel of experts' },
    { description: 'A | B', recordType: 'visit', recordId: 'v-9' },
    // What follows the bar is no kind:id: the whole line is the description.
    { description: 'Not a link | two words' },
  ]);
  assert.deepEqual(activitiesOf(activitiesText(parsed)), parsed);
});
