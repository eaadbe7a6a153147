import { Events } from 'discord.js';
import type { Reply } from '../../../src/index.ts';
import { EXPLAIN_MESSAGE_NAME } from '../slash/index.ts';
import { requesterFromInteraction } from '../requester.ts';
import { answerInteraction } from '../respond.ts';
import { listener } from './types.ts';

/** What the matcher reads of a message: at most the ask command's 500 characters. */
const MAX_QUESTION = 500;

/** "Explain with Tutor" on a message: its text goes through the matcher; the answer is for the clicker only. */
export const explainMessage = listener({
  name: 'explain-message',
  event: Events.InteractionCreate,
  async run(ctx, interaction) {
    if (!interaction.isMessageContextMenuCommand() || interaction.commandName !== EXPLAIN_MESSAGE_NAME) return;
    const m = interaction.targetMessage;
    // A bot's answer is often all embed: its title and text are the message's words.
    const text = [m.content, ...m.embeds.flatMap((e) => [e.title ?? '', e.description ?? ''])].join(' ').replace(/\s+/g, ' ').trim().slice(0, MAX_QUESTION);
    const who = requesterFromInteraction(interaction);
    // Asked as `ask`, never as typed text: a message saying "schedule off" is a question here, not a command.
    const work = text ? ctx.app.handle({ type: 'command', name: 'ask', options: { question: text } }, who) : Promise.resolve(noTextReply());
    // For the clicker only, whatever the answer's kind: the message's author did not ask.
    await answerInteraction(
      ctx,
      interaction,
      work.then((r) => ({ ...r, audience: 'requester' as const })),
      { privateGuess: true },
    );
  },
});

function noTextReply(): Reply {
  const text = 'That message has no text I can read (only pictures or attachments). Ask me in your own words with `/tutor ask`.';
  return { kind: 'notice', title: 'Nothing to explain', paragraphs: [text], code: [], related: [], suggestions: [], extra: [], audience: 'requester', fallback: text };
}
