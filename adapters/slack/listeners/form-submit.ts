import type { webApi } from '@slack/bolt';
import type { Reply } from '../../../src/index.ts';
import { deliver } from '../deliver.ts';
import { clip } from '../render/limits.ts';
import { slackRequester } from '../requester.ts';
import { channelPost, ephemeralPost } from '../targets.ts';
import type { SlackContext, SlackListener } from '../context.ts';

const FORM_CALLBACK_ID = 'tutor:form';
const NOTE_BLOCK = 'note';
const NOTE_MAX = 500;

interface FormMeta {
  /** The core action to send with the text. */
  s: string;
  c: string;
  t?: string | undefined;
  d: boolean;
}

/** Open a modal asking for a short text (a reply's `form`). Needs the click's trigger_id (valid 3 s). False when Slack refused. */
export async function openForm(
  client: webApi.WebClient,
  triggerId: string,
  form: NonNullable<Reply['form']>,
  where: { channelId: string; thread?: string | undefined; direct: boolean },
  ctx: SlackContext,
): Promise<boolean> {
  const meta: FormMeta = { s: form.submit, c: where.channelId, t: where.thread, d: where.direct };
  try {
    await client.views.open({
      trigger_id: triggerId,
      view: {
        type: 'modal',
        callback_id: FORM_CALLBACK_ID,
        private_metadata: JSON.stringify(meta),
        title: { type: 'plain_text', text: clip(form.title, 24) },
        submit: { type: 'plain_text', text: 'Send' },
        close: { type: 'plain_text', text: 'Cancel' },
        blocks: [
          {
            type: 'input',
            block_id: NOTE_BLOCK,
            optional: true,
            label: { type: 'plain_text', text: clip(form.label, 2000) },
            element: {
              type: 'plain_text_input',
              action_id: NOTE_BLOCK,
              multiline: true,
              max_length: NOTE_MAX,
              ...(form.placeholder ? { placeholder: { type: 'plain_text', text: clip(form.placeholder, 150) } } : {}),
            },
          },
        ],
      },
    });
    return true;
  } catch (err) {
    ctx.log.warn({ err: (err as Error).message }, 'could not open the feedback form');
    return false;
  }
}

/** Said privately when the modal could not open (an expired trigger_id, a Slack error). */
export function formFailedReply(): Reply {
  const text = "I couldn't open the form just now. Press the button again, please.";
  return { kind: 'notice', title: 'Please try again', paragraphs: [text], code: [], related: [], suggestions: [], extra: [], audience: 'requester', fallback: text };
}

/** The modal's submission: the text goes to the core with the form's action; the thanks is private. */
export const formSubmit: SlackListener = {
  name: 'form-submit',
  register(bolt, ctx) {
    bolt.view(FORM_CALLBACK_ID, async ({ ack, body, view, client }) => {
      await ctx.tasks.run('form-submit', async () => {
        await ack();
        let meta: FormMeta;
        try {
          meta = JSON.parse(view.private_metadata) as FormMeta;
        } catch {
          return;
        }
        const text = String(view.state.values[NOTE_BLOCK]?.[NOTE_BLOCK]?.value ?? '');
        const userId = body.user.id;
        const who = slackRequester({ userId, channelId: meta.c, teamId: body.team?.id ?? body.user.team_id, direct: meta.d, threadTs: meta.t });
        const reply = await ctx.app.handle({ type: 'action', action: meta.s, text }, who);
        const target = meta.d ? channelPost(client, meta.c, meta.t) : ephemeralPost(client, meta.c, userId, meta.t);
        await deliver({ reply, render: {}, targets: [target], apology: [], question: '(feedback form)', who: { userId, channelId: meta.c } }, ctx.log);
      });
    });
  },
};
