import { registerWording, usageHint, type PlatformWording } from '../../src/index.ts';

/** Slack's slash command takes the rest of the line: `/tutor topics 2`. */
const slackWording: PlatformWording = {
  commandText: (name, arg) => `/tutor ${name}${arg ? ` ${arg}` : ''}`,
  usageText: (command) => slackWording.commandText(command.name, usageHint(command)),
  managers: "workspace admins or the bot's admin list",
};

registerWording('slack', slackWording);
