// The access-policy walk (test/support/access-policy.ts), part 1 of 3: the rows of some of the features.
import { accessPolicy } from '../support/access-policy.ts';

accessPolicy(0, 3);
