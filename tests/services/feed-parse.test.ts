// src/web/feed-parse.ts on Node: on each fixture feed it gives the items feedsmith gives, and refuses
// what is not a feed. tests/worker/feed-parse.test.ts runs the same checks inside workerd.
import { describeFeedParsing } from '../helpers/feed-fixtures';

describeFeedParsing('on Node');
