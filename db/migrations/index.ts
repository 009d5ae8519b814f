import init from './0010_init.sql';
import search from './0020_search.sql';
import releaseSlips from './0030_release_slips.sql';
import unitState from './0040_unit_state.sql';

/** Ordered list of migrations; version N is the N-th entry. Bundled as text at build time. */
export const MIGRATIONS: readonly { name: string; sql: string }[] = [
  { name: '0010_init', sql: init },
  { name: '0020_search', sql: search },
  { name: '0030_release_slips', sql: releaseSlips },
  { name: '0040_unit_state', sql: unitState },
];
