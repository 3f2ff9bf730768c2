// Malformed values in every filter of the pages (each field of each GET form), as every role (test/support/malformed-walk.ts).
import { malformedWalk } from '../support/malformed-walk.ts';

malformedWalk('page');
