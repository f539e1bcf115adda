import { FoundationApiKeysAndMembers1795503970151 } from './1795503970151-FoundationApiKeysAndMembers';
// The one linear history of schema changes, oldest first. `npm run migration:generate -- Name`
// appends to this list.
export const MIGRATIONS = [FoundationApiKeysAndMembers1795503970151];
