/**
 * Conversations through the real discord.js client and the fake Discord: follow-ups in a channel
 * and a DM, small talk, Explain more and menu picks in place, 👍/👎 with the modal, hostile echoes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';
import { BOT_ID, buttonPress, chatMessage, modalSubmit, selectPick, slash, str } from './payloads.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Send a message (a mention in the server, or a DM) and wait for the bot's answer to it. */
async function say(text: string, dm = false) {
  const msg = chatMessage(dm ? text : `<@${BOT_ID}> ${text}`, { dm, mentionsBot: !dm });
  h.fake.dispatch('MESSAGE_CREATE', msg);
  const sent = await h.fake.waitFor((r) => r.method === 'POST' && r.body?.nonce === `q${msg.id}`);
  return sent.body as { embeds: { title?: string; description?: string; fields?: { name: string; value: string }[] }[]; components: { components: { custom_id: string }[] }[] };
}

describe('follow-ups', () => {
  it('in a channel: "tell me more", "example?" and "quiz me on that" continue the last concept', async () => {
    expect((await say('what is a volume?')).embeds[0]!.title).toBe('Volumes');
    const more = await say('tell me more');
    expect(more.embeds[0]!.title).toBe('Volumes: in more depth');
    expect(more.embeds[0]!.description).toContain('survives `docker rm`');
    const example = await say('example?');
    expect(example.embeds[0]!.fields![0]!.value).toContain('docker volume create app-data');
    const quiz = await say('quiz me on that');
    expect(quiz.embeds[0]!.title).toBe('Practice: Volumes');
  });

  it('in a DM: its own conversation, and a follow-up naming a new concept moves there', async () => {
    expect((await say('tell me more', true)).embeds[0]!.title).toBe('More about what?');
    await say('what is a volume', true);
    expect((await say('and for VMs?', true)).embeds[0]!.title).toBe('Hypervisor');
    expect((await say('why?', true)).embeds[0]!.title).toBe('Hypervisor: in more depth');
  });

  it('small talk gets one short line, not the command list', async () => {
    for (const text of ['thanks', 'cool', 'lol']) {
      const r = await say(text, true);
      expect(r.embeds[0]!.description!.split('\n'), text).toHaveLength(1);
      expect(r.components, text).toEqual([]);
      expect(r.embeds[0]!.title, text).toBeUndefined();
    }
    // Help in Discord's own syntax.
    expect((await say('hello', true)).embeds[0]!.description).toContain('`/tutor help`');
    const help = await say('help', true);
    expect(help.embeds[0]!.description).toContain('`/tutor topics page:[page]`');
  });
});

describe('in place', () => {
  it('Explain more and a related-topic pick on a private answer update it (callback type 7)', async () => {
    const more = await h.interact(buttonPress('m:volume', { ephemeral: true }));
    expect(more.body.type).toBe(7);
    expect(more.body.data.embeds[0].title).toBe('Volumes: in more depth');
    const pick = await h.interact(selectPick('tutor:menu', ['c:hypervisor'], { ephemeral: true }));
    expect(pick.body.type).toBe(7);
    expect(pick.body.data.embeds[0].title).toBe('Hypervisor');
    // On a public message, the same click goes on in public (see public-continue.test.ts).
    const pub = await h.interact(buttonPress('m:volume'));
    expect(pub.body.type).toBe(4);
    expect(pub.body.data.flags ?? 0).toBe(0);
  });
});

describe('was this helpful?', () => {
  it('👍 is thanked and stored; 👎 opens a modal (callback type 9) whose note is stored without the user', async () => {
    await h.interact(slash('ask', [str('question', 'what is a hypervisor')]));
    const up = await h.interact(buttonPress('f:hypervisor:u', { ephemeral: true }));
    expect(up.body.data.embeds[0].description).toContain('glad it helped');
    const down = await h.interact(buttonPress('f:hypervisor:d', { ephemeral: true }));
    expect(down.body.type).toBe(9);
    expect(down.body.data.custom_id).toBe('g:hypervisor');
    expect(down.body.data.title).toBe('What were you looking for?');
    const input = down.body.data.components[0].components[0];
    expect(input).toMatchObject({ type: 4, custom_id: 'note', style: 2, required: false });
    const sent = await h.interact(modalSubmit('g:hypervisor', 'note', 'the difference between type 1 and 2'));
    expect(sent.body.data.flags).toBe(64);
    expect(sent.body.data.embeds[0].description).toContain('Thanks for telling me');
    const report = await h.app.store.feedbackReport(5);
    expect(report).toEqual([{ conceptId: 'hypervisor', up: 1, down: 1, notes: [{ question: 'what is a hypervisor', note: 'the difference between type 1 and 2', at: expect.any(Number) }] }]);
  });
});

describe('hostile echoes', () => {
  it('masked links, markdown, backticks and bidi overrides in echoed text stay inert', async () => {
    const cb = await h.interact(slash('explain', [str('concept', 'explain [free nitro](https://evil.example) **now** `x` \u202Eexe.txt')]));
    const d = cb.body.data.embeds[0].description as string;
    // One code span nobody can close: Discord shows it literally, no link, no bold.
    expect(d.split('\n')[0]).toBe("I couldn't match `explain [free nitro](https://evil.example) **now** ʼxʼ exe.txt` to anything I teach.");
    expect(d).not.toContain('\u202E');
    expect(d).toContain('`/tutor topics`');
  });

  it('quiz and topic buttons show plain labels, not raw markdown', async () => {
    const cb = await h.interact(slash('quiz'));
    for (const b of cb.body.data.components.flatMap((r: { components: { label?: string }[] }) => r.components)) expect(b.label ?? '').not.toMatch(/`|\*\*/);
  });
});
