/**
 * Numbered schema migrations for the Postgres store; table schema_migrations records each one
 * applied. The same tables as SQLite (sqlite-migrations.ts) so that `tutor db migrate-to-postgres`
 * copies column for column. Times are epoch milliseconds (BIGINT). Append new ones; never edit
 * one that has shipped.
 */
export const PG_MIGRATIONS: readonly string[] = [
  // 1: everything SQLite's migrations 1-4 hold.
  `
  CREATE TABLE schedules (
    platform TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    workspace_id TEXT,
    label TEXT NOT NULL,
    cron TEXT NOT NULL,
    zone TEXT NOT NULL,
    next_run_at BIGINT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    -- The replica whose tick is planning this schedule's due slot, until leased_until.
    leased_by TEXT,
    leased_until BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (platform, channel_id)
  );
  -- The scheduler tick reads only due rows through this index: its cost grows with due channels.
  CREATE INDEX schedules_due ON schedules (next_run_at);

  CREATE TABLE posts (
    id BIGSERIAL PRIMARY KEY,
    platform TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    slot_at BIGINT NOT NULL,
    zone TEXT NOT NULL,
    item_id TEXT NOT NULL,
    concept_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'failed', 'abandoned')),
    claimed_at BIGINT NOT NULL,
    claimed_by TEXT NOT NULL,
    sent_at BIGINT,
    message_id TEXT,
    error TEXT,
    closes_at BIGINT NOT NULL,
    closed_at BIGINT,
    UNIQUE (platform, channel_id, slot_at)
  );
  CREATE INDEX posts_open ON posts (closes_at) WHERE closed_at IS NULL;
  CREATE INDEX posts_claimed ON posts (claimed_at) WHERE status = 'claimed';

  CREATE TABLE answers (
    post_id BIGINT NOT NULL REFERENCES posts (id),
    user_id TEXT NOT NULL,
    choice INTEGER NOT NULL,
    correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
    answered_at BIGINT NOT NULL,
    PRIMARY KEY (post_id, user_id)
  );
  CREATE INDEX answers_user ON answers (user_id, post_id);

  CREATE TABLE reviews (
    platform TEXT NOT NULL,
    user_id TEXT NOT NULL,
    item_id TEXT NOT NULL,
    box INTEGER NOT NULL,
    due_at BIGINT NOT NULL,
    last_answered_at BIGINT NOT NULL,
    right_count INTEGER NOT NULL,
    wrong_count INTEGER NOT NULL,
    PRIMARY KEY (platform, user_id, item_id)
  );

  CREATE TABLE gaps (
    text TEXT NOT NULL,
    platform TEXT NOT NULL,
    count INTEGER NOT NULL,
    first_asked_at BIGINT NOT NULL,
    last_asked_at BIGINT NOT NULL,
    PRIMARY KEY (text, platform)
  );

  CREATE TABLE uploads (
    platform TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    content_key TEXT NOT NULL,
    file_id TEXT NOT NULL,
    uploaded_at BIGINT NOT NULL,
    PRIMARY KEY (platform, workspace_id, content_key)
  );

  -- Shared by every replica: a follow-up may reach any of them. Expired rows are pruned.
  CREATE TABLE conversations (
    key TEXT PRIMARY KEY,
    concept_id TEXT NOT NULL,
    question TEXT NOT NULL,
    updated_at BIGINT NOT NULL
  );
  CREATE INDEX conversations_age ON conversations (updated_at);

  CREATE TABLE practice_asks (
    id BIGSERIAL PRIMARY KEY,
    platform TEXT NOT NULL,
    user_id TEXT NOT NULL,
    item_id TEXT NOT NULL,
    asked_at BIGINT NOT NULL,
    choice INTEGER,
    answered_at BIGINT
  );

  CREATE TABLE feedback (
    id BIGSERIAL PRIMARY KEY,
    platform TEXT NOT NULL,
    concept_id TEXT NOT NULL,
    question TEXT NOT NULL,
    helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
    note TEXT,
    at BIGINT NOT NULL
  );
  CREATE INDEX feedback_concept ON feedback (concept_id, at);

  -- Chat event ids already answered, shared so a retry that reaches another replica is not answered twice.
  CREATE TABLE seen_events (
    id TEXT PRIMARY KEY,
    seen_at BIGINT NOT NULL
  );
  CREATE INDEX seen_events_age ON seen_events (seen_at);
  `,
  // 2: Slack OAuth installs per workspace (or enterprise), and workspaces that removed the app
  // (their learning data is deleted later; posts.workspace_id is set from the schedules at removal).
  `
  CREATE TABLE installations (
    platform TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    enterprise_id TEXT,
    enterprise_install INTEGER NOT NULL CHECK (enterprise_install IN (0, 1)),
    data TEXT NOT NULL,
    installed_at BIGINT NOT NULL,
    PRIMARY KEY (platform, workspace_id)
  );

  CREATE TABLE workspace_removals (
    platform TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    removed_at BIGINT NOT NULL,
    PRIMARY KEY (platform, workspace_id)
  );

  ALTER TABLE posts ADD COLUMN workspace_id TEXT;
  CREATE INDEX schedules_workspace ON schedules (platform, workspace_id);
  `,
  // 3: SQLite's migration 6, who a schedule's posts mention.
  `
  ALTER TABLE schedules ADD COLUMN ping TEXT;
  `,
  // 4: daily reminders, opt-in per person (local time and zone; next_at moves a day on before each send).
  `
  CREATE TABLE reminders (
    platform TEXT NOT NULL,
    user_id TEXT NOT NULL,
    workspace_id TEXT,
    enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    time TEXT NOT NULL,
    zone TEXT NOT NULL,
    next_at BIGINT NOT NULL,
    stopped_reason TEXT,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (platform, user_id)
  );
  CREATE INDEX reminders_due ON reminders (enabled, next_at);
  `,
];
