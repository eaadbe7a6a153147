import type { MessageShortcut } from '@slack/bolt';
import { deliver } from '../deliver.ts';
import { slackRequester } from '../requester.ts';
import { channelPost, ephemeralPost, responseUrl, type Target } from '../targets.ts';
import { isDirectChannel, normalizeIncoming } from '../text.ts';
import { acknowledge, type SlackListener } from '../context.ts';

/** The message shortcut's callback id, as declared in manifest.json ("Explain with Tutor"). */
const EXPLAIN_SHORTCUT = 'explain_with_tutor';

/**
 * "Explain with Tutor" on any message: its text goes through the matcher as a question and the
 * answer is shown only to the person who used the shortcut: ephemeral in that conversation
 * (response_url, which works where the bot is not a member), else in their DM with the bot.
 */
export const messageShortcut: SlackListener = {
  name: 'message-shortcut',
  register(bolt, ctx) {
    bolt.shortcut<MessageShortcut>({ type: 'message_action', callback_id: EXPLAIN_SHORTCUT }, async ({ ack, shortcut, client }) => {
      await ctx.tasks.run(
        'message-shortcut',
        async () => {
          const userId = shortcut.user.id;
          const channelId = shortcut.channel.id;
          const thread = shortcut.message.thread_ts;
          const text = normalizeIncoming(shortcut.message.text);
          const direct = isDirectChannel(channelId, shortcut.channel.name);
          const who = slackRequester({ userId, channelId, teamId: shortcut.team?.id ?? shortcut.user.team_id, direct, threadTs: thread ?? shortcut.message.ts });
          const reply = text ? await ctx.app.handle({ type: 'command', name: 'ask', args: text }, who) : await ctx.app.handle({ type: 'text', text: 'help' }, who);
          const privately: Target[] = [
            ...(shortcut.response_url ? [responseUrl(shortcut.response_url, 'ephemeral', ctx.app.config.platformTimeoutMs)] : []),
            ephemeralPost(client, channelId, userId, thread),
            channelPost(client, userId),
          ];
          await deliver(
            {
              reply,
              render: { share: !direct },
              targets: privately,
              apology: privately,
              question: `(Explain with Tutor) ${text}`,
              who: { userId, channelId },
              diagrams: ctx.diagrams.forClient(client),
            },
            ctx.log,
          );
        },
        { ack: () => acknowledge(ack, ctx) },
      );
    });
  },
};
