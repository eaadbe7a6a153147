/**
 * Numbered schema migrations for the SQLite store. PRAGMA user_version holds the number of the
 * last one applied. Append new ones; never edit one that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: schedules, posts (the exactly-once claims), answers, personal review, content gaps.
  `
  CREATE TABLE schedules (
    platform TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    workspace_id TEXT,
    label TEXT NOT NULL,
    cron TEXT NOT NULL,
    zone TEXT NOT NULL,
    next_run_at INTEGER NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (platform, channel_id)
  );
  CREATE INDEX schedules_due ON schedules (next_run_at);

  CREATE TABLE posts (
    id INTEGER PRIMARY KEY,
    platform TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    slot_at INTEGER NOT NULL,
    zone TEXT NOT NULL,
    item_id TEXT NOT NULL,
    concept_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'failed', 'abandoned')),
    claimed_at INTEGER NOT NULL,
    claimed_by TEXT NOT NULL,
    sent_at INTEGER,
    message_id TEXT,
    error TEXT,
    closes_at INTEGER NOT NULL,
    closed_at INTEGER,
    UNIQUE (platform, channel_id, slot_at)
  );
  CREATE INDEX posts_open ON posts (closes_at) WHERE closed_at IS NULL;
  CREATE INDEX posts_claimed ON posts (claimed_at) WHERE status = 'claimed';

  CREATE TABLE answers (
    post_id INTEGER NOT NULL REFERENCES posts (id),
    user_id TEXT NOT NULL,
    choice INTEGER NOT NULL,
    correct INTEGER NOT NULL,
    answered_at INTEGER NOT NULL,
    PRIMARY KEY (post_id, user_id)
  ) WITHOUT ROWID;
  CREATE INDEX answers_user ON answers (user_id, post_id);

  CREATE TABLE reviews (
    platform TEXT NOT NULL,
    user_id TEXT NOT NULL,
    item_id TEXT NOT NULL,
    box INTEGER NOT NULL,
    due_at INTEGER NOT NULL,
    last_answered_at INTEGER NOT NULL,
    right_count INTEGER NOT NULL,
    wrong_count INTEGER NOT NULL,
    PRIMARY KEY (platform, user_id, item_id)
  ) WITHOUT ROWID;

  CREATE TABLE gaps (
    text TEXT NOT NULL,
    platform TEXT NOT NULL,
    count INTEGER NOT NULL,
    first_asked_at INTEGER NOT NULL,
    last_asked_at INTEGER NOT NULL,
    PRIMARY KEY (text, platform)
  ) WITHOUT ROWID;
  `,
  // 2: files uploaded to a chat platform once and reused by id (Slack diagram uploads), per workspace.
  `
  CREATE TABLE uploads (
    platform TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    content_key TEXT NOT NULL,
    file_id TEXT NOT NULL,
    uploaded_at INTEGER NOT NULL,
    PRIMARY KEY (platform, workspace_id, content_key)
  ) WITHOUT ROWID;
  `,
  // 3: conversation memory (follow-ups), practice questions answered once, answer feedback (no user ids).
  `
  CREATE TABLE conversations (
    key TEXT PRIMARY KEY,
    concept_id TEXT NOT NULL,
    question TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX conversations_age ON conversations (updated_at);

  CREATE TABLE practice_asks (
    id INTEGER PRIMARY KEY,
    platform TEXT NOT NULL,
    user_id TEXT NOT NULL,
    item_id TEXT NOT NULL,
    asked_at INTEGER NOT NULL,
    choice INTEGER,
    answered_at INTEGER
  );

  CREATE TABLE feedback (
    id INTEGER PRIMARY KEY,
    platform TEXT NOT NULL,
    concept_id TEXT NOT NULL,
    question TEXT NOT NULL,
    helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
    note TEXT,
    at INTEGER NOT NULL
  );
  CREATE INDEX feedback_concept ON feedback (concept_id, at);
  `,
  // 4: chat events already handled (Slack event_id), kept for a while so a re-sent event, even one
  // that arrives after a restart, is not answered twice.
  `
  CREATE TABLE seen_events (
    id TEXT PRIMARY KEY,
    seen_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX seen_events_age ON seen_events (seen_at);
  `,
  // 5: Slack OAuth installs, one row per workspace (or enterprise), and workspaces that removed the
  // app, whose learning data is deleted after a while. posts.workspace_id is set when the workspace
  // is removed, from its schedules, so its posts can be found once the schedules are gone.
  `
  CREATE TABLE installations (
    platform TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    enterprise_id TEXT,
    enterprise_install INTEGER NOT NULL CHECK (enterprise_install IN (0, 1)),
    data TEXT NOT NULL,
    installed_at INTEGER NOT NULL,
    PRIMARY KEY (platform, workspace_id)
  ) WITHOUT ROWID;

  CREATE TABLE workspace_removals (
    platform TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    removed_at INTEGER NOT NULL,
    PRIMARY KEY (platform, workspace_id)
  ) WITHOUT ROWID;

  ALTER TABLE posts ADD COLUMN workspace_id TEXT;
  CREATE INDEX schedules_workspace ON schedules (platform, workspace_id);
  `,
  // 6: who a schedule's posts mention ('here' or 'role:<id>'); NULL pings nobody. Kept when the
  // schedule is changed, gone with it.
  `
  ALTER TABLE schedules ADD COLUMN ping TEXT;
  `,
  // 7: daily reminders, opt-in per person (local time and zone; next_at moves a day on before each send).
  `
  CREATE TABLE reminders (
    platform TEXT NOT NULL,
    user_id TEXT NOT NULL,
    workspace_id TEXT,
    enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    time TEXT NOT NULL,
    zone TEXT NOT NULL,
    next_at INTEGER NOT NULL,
    stopped_reason TEXT,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (platform, user_id)
  ) WITHOUT ROWID;
  CREATE INDEX reminders_due ON reminders (enabled, next_at);
  `,
];
