/** Which adapter a request came through: 'console', 'cli', or a chat adapter's own name. */
export type Platform = string;

/** Who is asking, and where. Adapters fill it in from the platform event. */
export interface Requester {
  platform: Platform;
  userId: string;
  channelId: string;
  /** Slack team or Discord guild, when there is one. */
  workspaceId?: string;
  /** True when the platform says this person may manage the channel (admins, Manage Channels). */
  canManageChannel?: boolean;
  /** The person's own IANA time zone, when the platform says (Slack's users.info tz); reminders default to it. */
  zone?: string;
  /** True in a direct message. */
  direct?: boolean;
  /**
   * The conversation within the channel the tutor remembers context for: a Slack thread, a
   * Discord thread or channel, a console session. Defaults to channelId.
   */
  conversationId?: string;
}

/**
 * What an adapter hands the core:
 * - `text`: a line typed by a person, e.g. "help", "explain volumes" or a free question.
 * - `command`: a command by name, with its typed text (`args`) or its chosen structured options
 *   (and `sub`, the branch of a command with branches such as `schedule set`).
 * - `action`: the opaque payload of a button the core created; `text` is what was typed into
 *   the form a reply asked for (see Reply.form).
 */
export type TutorRequest = { type: 'text'; text: string } | { type: 'command'; name: string; args?: string; options?: OptionValues; sub?: string } | { type: 'action'; action: string; text?: string };

/** Structured option values as chosen, by option name. */
export type OptionValues = Readonly<Record<string, string | number | undefined>>;

export const CONSOLE_USER: Requester = { platform: 'console', userId: 'console', channelId: 'console', direct: true, canManageChannel: true };
