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
//
// Version 3 adds two read models the database keeps itself, by triggers on `messages` (so no writer can
// forget them), filled from the rows already there when it is applied:
// journal      one row per message that left the queue: the journal's fields as columns, lists joined
//              as the CSV shows them, so the export reads no JSON (error: the error's JSON, translated
//              once per distinct error). Column names equal those of `messages` where they mean the
//              same (seq, journal_time, state, reference, subject), so the same filters apply.
// search       an FTS5 trigram index of reference, subject and every recipient: the view's free-text
//              search (a substring, case-insensitive) without reading every message.
//
// Version 4 fills the search index in bulk (db/search-index.ts) instead of by the insert trigger: the
// trigger wrote about 8 of the 20 pages each queued message's transaction wrote, one message at a
// time. The index holds every message up to the highest seq it holds; the rest are added, many in
// one transaction, before a search reads it and when a batch or an outbox run ends.
const JOURNAL_FIELDS = `seq, journal_time, state, id, eml, subject, reference, profile, transport, sender,
    to_list, cc_list, bcc_list, kind, attachment_names, attachment_sizes, attachment_sha256,
    message_id, response, attempts, error, control_copy, delivery_receipt, read_receipt, refused`;
const joined = (m: string, list: string, value: string, sep: string) =>
  `ifnull((SELECT group_concat(${value}, '${sep}') FROM json_each(${m}.record, '$.${list}')), '')`;
const journalValues = (m: string) => `${m}.seq, ${m}.journal_time, ${m}.state, ${m}.id, ${m}.eml,
    ${m}.subject, ${m}.reference, ${m}.record ->> '$.profileName', ${m}.record ->> '$.transport',
    ${m}.record ->> '$.from', ${joined(m, 'to', 'value', ', ')}, ${joined(m, 'cc', 'value', ', ')},
    ${joined(m, 'bcc', 'value', ', ')}, ${m}.record ->> '$.kind',
    ${joined(m, 'attachments', "value ->> '$.filename'", ' | ')},
    ${joined(m, 'attachments', "value ->> '$.size'", ' | ')},
    ${joined(m, 'attachments', "value ->> '$.sha256'", ' | ')},
    ${m}.record ->> '$.messageId', ifnull(${m}.record ->> '$.response', ''),
    ifnull(${m}.record ->> '$.attempts', 0), ${m}.record -> '$.error', ${m}.record ->> '$.controlCopy',
    CASE WHEN ${m}.record ->> '$.receipts.delivery' THEN 1 ELSE 0 END,
    CASE WHEN ${m}.record ->> '$.receipts.read' THEN 1 ELSE 0 END,
    ${joined(m, 'refused', "(value ->> '$.address') || ' (' || (value ->> '$.response') || ')'", ' | ')}`;
export const searchValues = (m: string) => `${m}.seq, ifnull(${m}.reference, ''), ${m}.subject,
    ${joined(m, 'to', 'value', ' ')} || ' ' || ${joined(m, 'cc', 'value', ' ')} || ' ' ||
    ${joined(m, 'bcc', 'value', ' ')}`;

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
  // 3: the journal and the search as read models (see above), filled from the rows already there.
  `
  CREATE TABLE journal (
    seq INTEGER PRIMARY KEY,
    journal_time TEXT NOT NULL,
    state TEXT NOT NULL,
    id TEXT NOT NULL,
    eml TEXT NOT NULL,
    subject TEXT NOT NULL,
    reference TEXT,
    profile TEXT,
    transport TEXT,
    sender TEXT,
    to_list TEXT NOT NULL,
    cc_list TEXT NOT NULL,
    bcc_list TEXT NOT NULL,
    kind TEXT,
    attachment_names TEXT NOT NULL,
    attachment_sizes TEXT NOT NULL,
    attachment_sha256 TEXT NOT NULL,
    message_id TEXT,
    response TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    error TEXT,
    control_copy TEXT,
    delivery_receipt INTEGER NOT NULL,
    read_receipt INTEGER NOT NULL,
    refused TEXT NOT NULL
  );
  CREATE INDEX journal_order ON journal (journal_time, seq);
  INSERT INTO journal (${JOURNAL_FIELDS})
    SELECT ${journalValues('messages')} FROM messages WHERE journal_time IS NOT NULL;
  CREATE VIRTUAL TABLE search USING fts5 (reference, subject, recipients, tokenize = 'trigram');
  INSERT INTO search (rowid, reference, subject, recipients) SELECT ${searchValues('messages')} FROM messages;
  CREATE TRIGGER messages_insert AFTER INSERT ON messages BEGIN
    INSERT INTO journal (${JOURNAL_FIELDS})
      SELECT ${journalValues('NEW')} WHERE NEW.journal_time IS NOT NULL;
    INSERT INTO search (rowid, reference, subject, recipients) SELECT ${searchValues('NEW')};
  END;
  CREATE TRIGGER messages_update AFTER UPDATE OF state, journal_time, record, eml, subject, reference
    ON messages WHEN OLD.journal_time IS NOT NULL OR NEW.journal_time IS NOT NULL BEGIN
    DELETE FROM journal WHERE seq = OLD.seq;
    INSERT INTO journal (${JOURNAL_FIELDS})
      SELECT ${journalValues('NEW')} WHERE NEW.journal_time IS NOT NULL;
  END;
  CREATE TRIGGER messages_delete AFTER DELETE ON messages BEGIN
    DELETE FROM journal WHERE seq = OLD.seq;
    DELETE FROM search WHERE rowid = OLD.seq;
  END;
  `,
  // 4: the search index filled in bulk (see above): the insert trigger keeps only the journal
  `
  DROP TRIGGER messages_insert;
  CREATE TRIGGER messages_insert AFTER INSERT ON messages BEGIN
    INSERT INTO journal (${JOURNAL_FIELDS})
      SELECT ${journalValues('NEW')} WHERE NEW.journal_time IS NOT NULL;
  END;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
