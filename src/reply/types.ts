/**
 * The platform-neutral answer document. The core builds it; adapters only render it.
 *
 * Text fields use a small markdown subset: `**bold**`, `_italic_`, `` `code` `` and bare URLs.
 * Adapters translate that subset to their platform (Slack mrkdwn, Discord markdown, ANSI).
 */
export type ReplyKind = 'answer' | 'comparison' | 'no-match' | 'help' | 'topics' | 'quiz-question' | 'quiz-feedback' | 'quiz-summary' | 'leaderboard' | 'stats' | 'notice' | 'error';

export interface ReplyTable {
  caption?: string;
  headers: string[];
  rows: string[][];
}

export interface ReplyCode {
  caption?: string;
  language?: string;
  code: string;
}

/** A button. `action` is an opaque encoded string (see reply/actions.ts), at most 100 chars. */
export interface ReplyAction {
  label: string;
  action: string;
}

export interface ReplyQuiz {
  prompt: string;
  choices: ReplyAction[];
  conceptId: string;
  conceptTitle: string;
  /** Set once answered: the choice picked. Adapters show the choices inert (disabled where they can). */
  answered?: number;
}

/** A compact pick-one menu (Slack static_select, Discord string select) instead of a row of buttons. */
interface ReplyMenu {
  placeholder: string;
  options: ReplyAction[];
}

/** Ask for a short text in a form (Slack modal, Discord modal); `submit` comes back with the text. */
interface ReplyForm {
  title: string;
  label: string;
  placeholder?: string;
  submit: string;
}

/**
 * A picture to show with the reply (at most one). Adapters get the PNG with `diagramPng` from the
 * core's entry and fall back to `text`, an ASCII drawing, where images cannot be shown.
 */
export interface ReplyDiagram {
  name: string;
  alt: string;
  text: string;
  svgPath: string;
  /** The rendered PNG's cache key (a hash of the SVG). */
  key: string;
  viewBoxWidth: number;
}

export interface Reply {
  kind: ReplyKind;
  title?: string;
  /** Paragraphs of text, in order. */
  paragraphs: string[];
  table?: ReplyTable;
  code: ReplyCode[];
  /** "Related concepts" buttons. */
  related: ReplyAction[];
  /** "Did you mean" buttons. */
  suggestions: ReplyAction[];
  quiz?: ReplyQuiz;
  /** Extra buttons such as "learn more" on a quiz summary. */
  extra: ReplyAction[];
  /** When set, an adapter that answered privately may offer "Share in channel" with this action. */
  share?: string;
  /** Who should see it: the person who asked (ephemeral where possible) or the whole channel. */
  audience: 'requester' | 'channel';
  /** Plain text for notifications and clients that cannot render rich content. */
  fallback: string;
  /** The concept this reply is about, if any. */
  conceptId?: string;
  /** One diagram, on a concept's answer and on a quiz question that refers to one. */
  diagram?: ReplyDiagram;
  /** The related concepts as one compact menu (concept answers use this instead of `related`). */
  menu?: ReplyMenu;
  /** "Was this helpful?": the 👍 and 👎 actions. */
  feedback?: { up: string; down: string };
  /**
   * This answers a click and continues the message clicked (Explain more, paging, the next
   * question): adapters replace that message where the platform allows instead of adding one.
   */
  inPlace?: boolean;
  /** Instead of a message, ask for a short text (a modal) and send `form.submit` with it. */
  form?: ReplyForm;
  /**
   * The one mention this channel post may ping (a schedule's opt-in "ping on post"): a role by
   * its platform id, or everyone present. Nothing else in any reply ever pings.
   */
  ping?: ReplyPing;
}

export type ReplyPing = { kind: 'here' } | { kind: 'role'; id: string };
