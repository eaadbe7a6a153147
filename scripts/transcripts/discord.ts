/**
 * The Discord exchange: the real discord.js client against the fake Discord from the tests. A
 * mention in #general, then a press of its Explain more button. Embeds show with a bar (┃) down
 * their left side, as Discord draws them; buttons and menus in brackets.
 */
import { startHarness } from '../../test/adapters/discord/harness.ts';
import { BOT_ID, buttonPress, chatMessage } from '../../test/adapters/discord/payloads.ts';
import { wrap } from './slack-text.ts';

type Component = { type: number; label?: string; emoji?: { name?: string }; placeholder?: string; custom_id?: string; components?: Component[] };
type Embed = { title?: string; description?: string; fields?: { name: string; value: string }[]; image?: unknown; footer?: { text: string } };
type Message = { content?: string; embeds?: Embed[]; components?: Component[] };

const WIDTH = 86;
/** Discord markdown as it shows: **bold** and *italic* without their marks, [label](url) as the label. */
const shown = (s: string) =>
  s
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\[([^\]]+)\]\(<?([^)>]+)>?\)/g, '$1')
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=$|[\s.,;:!?)])/g, '$1$2');

/** Prose past two paragraphs is cut with "…"; a code block is kept whole, as written. */
function prose(s: string): string[] {
  const paras = s.split(/\n\n+/);
  const kept = [...paras.slice(0, 2), ...(paras.length > 2 ? ['…'] : [])];
  let code = false;
  return kept.flatMap((p, i) => [
    ...(i ? [''] : []),
    ...p.split('\n').flatMap((line) => {
      if (line.startsWith('```')) code = !code;
      return code || line.startsWith('```') ? [line] : wrap(shown(line), WIDTH);
    }),
  ]);
}

function control(c: Component): string {
  if (c.type === 2) return `[${[c.emoji?.name, c.label].filter(Boolean).join(' ')}]`;
  if (c.type === 3) return `[${c.placeholder ?? 'Choose'} ▾]`;
  return `[component ${c.type}]`;
}

function messageText(m: Message): string[] {
  const lines = m.content ? prose(m.content) : [];
  for (const e of m.embeds ?? []) {
    const inner = [
      ...(e.title ? [e.title] : []),
      ...(e.description ? prose(e.description) : []),
      ...(e.fields ?? []).flatMap((f) => [f.name, ...prose(f.value)]),
      ...(e.image ? ['[picture]'] : []),
      ...(e.footer ? [e.footer.text] : []),
    ];
    lines.push(...inner.map((l) => `┃ ${l}`));
  }
  for (const row of m.components ?? []) lines.push((row.components ?? [row]).map(control).join(' '));
  return lines;
}

const said = (m: Message) => messageText(m).map((l, i) => `${i ? '        ' : 'Tutor:  '}${l}`);

export async function discordTranscript(question: string, click: string, env: Record<string, string>): Promise<string> {
  const h = await startHarness({ env });
  try {
    const lines = [`Ada:    @Tutor ${question}`];
    const msg = chatMessage(`<@${BOT_ID}> ${question}`, { mentionsBot: true });
    h.fake.dispatch('MESSAGE_CREATE', msg);
    const answer = (await h.fake.waitFor((r) => r.method === 'POST' && r.body?.nonce === `q${msg.id}`)).body as Message;
    lines.push(...said(answer));
    const button = (answer.components ?? []).flatMap((r) => r.components ?? []).find((c) => c.label === click);
    if (!button?.custom_id) throw new Error(`no "${click}" button on the Discord answer`);
    lines.push(`Ada:    (presses ${click})`);
    const from = h.fake.requests.length;
    const cb = await h.interact(buttonPress(button.custom_id));
    lines.push(...said((cb.body as { data: Message }).data));
    // Follow-ups already sent with the callback (a body too long for one message).
    for (const r of h.fake.requests.slice(from)) if (r.method === 'POST' && r.path.startsWith('/v10/webhooks/')) lines.push(...said(r.body as Message));
    return lines.join('\n');
  } finally {
    await h.close();
  }
}
