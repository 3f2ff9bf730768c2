// Malformed values in every filter of the API (its OpenAPI query parameters), as every role (test/support/malformed-walk.ts).
import { malformedWalk } from '../support/malformed-walk.ts';

malformedWalk('api');
