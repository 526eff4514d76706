// The outbox database's schema: one list of migrations, applied in order and counted in SQLite's
// user_version. Add a migration at the end; never change one that has shipped.
//
// messages     one row per message: its state and revision, the claim's holder, the columns the
//              views filter and sort by (each with its index), and the whole record as JSON (record:
//              everything the journal shows; draft: what a resend needs). The state is TEXT checked
//              against OUTBOX_STATES in code, so a new state needs no migration.
// recipients   to, cc and bcc of each message, lower-cased, for `--to ADDRESS` and the view's search.
// A row of a batch run is unique within its run: (batch_scope, batch_key) for every message that is not
// `failed` (a failed row may be queued again as a new message). The constraint is checked in the same
// transaction that queues the message, so two processes running the same manifest cannot both queue a
// row.
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE messages (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL,
    rev INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    journal_time TEXT,
    profile_id TEXT NOT NULL,
    reference TEXT,
    subject TEXT NOT NULL,
    batch_scope TEXT,
    batch_key TEXT,
    claim_pid INTEGER,
    claim_start TEXT,
    eml TEXT NOT NULL,
    pruned_at TEXT,
    record TEXT NOT NULL,
    draft TEXT NOT NULL
  );
  CREATE INDEX messages_state ON messages (state, seq);
  CREATE INDEX messages_reference ON messages (reference, seq) WHERE reference IS NOT NULL;
  CREATE INDEX messages_journal_time ON messages (journal_time) WHERE journal_time IS NOT NULL;
  CREATE INDEX messages_created ON messages (created_at);
  CREATE INDEX messages_profile_sent ON messages (profile_id, journal_time) WHERE state = 'sent';
  CREATE UNIQUE INDEX messages_batch_row ON messages (batch_scope, batch_key)
    WHERE batch_scope IS NOT NULL AND state <> 'failed';
  CREATE TABLE recipients (
    seq INTEGER NOT NULL REFERENCES messages (seq) ON DELETE CASCADE,
    address TEXT NOT NULL
  );
  CREATE INDEX recipients_address ON recipients (address, seq);
  CREATE INDEX recipients_seq ON recipients (seq);
  `,
  // 2: lookups the sending path makes for every batch row and every delivery had no index of their
  // own and read the whole table (a 10,000-row batch read its 10,000 rows again for each row):
  // a batch row in its run, failed ones included (the unique index leaves those out), and a profile's
  // sent and handed-off messages of the last 24 hours for the daily limit (the partial index of
  // migration 1 covers `sent` only, so the query for both states could not use it).
  `
  CREATE INDEX messages_batch_any ON messages (batch_scope, batch_key, seq) WHERE batch_scope IS NOT NULL;
  CREATE INDEX messages_profile_journal ON messages (profile_id, journal_time) WHERE journal_time IS NOT NULL;
  DROP INDEX messages_profile_sent;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
