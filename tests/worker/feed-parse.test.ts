// The Worker's feed parser inside workerd (src/web/feed-parse.ts over htmlparser2, what the deployed
// bundle runs): on each fixture feed it gives the items feedsmith gives on Node, and refuses what is
// not a feed. feedsmith runs here for the comparison only; the Worker does not bundle it.
import { describeFeedParsing } from '../helpers/feed-fixtures';

describeFeedParsing('in workerd');
