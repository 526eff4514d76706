// The lookups the sending path makes for every batch row and every delivery, as SQL of their own so
// that a test can hold each one to its index (tests/unit/outbox-lookup-plans.test.ts): a query here
// that reads the whole table makes a batch slower with every message in the history.
import { ROW_COLUMNS } from './rows.js';

/** The message holding a batch row in its run: the one not failed, else the newest failed one. */
export const BATCH_ROW_SQL = `SELECT ${ROW_COLUMNS}, draft FROM messages
  WHERE batch_scope = ? AND batch_key = ? ORDER BY state = 'failed', seq DESC LIMIT 1`;

/** When a profile's messages were sent or handed off since a time (the daily limit). */
export const SENT_TIMES_SQL = `SELECT journal_time AS t FROM messages
  WHERE profile_id = ? AND journal_time >= ? AND state IN ('sent', 'handedOff')`;
