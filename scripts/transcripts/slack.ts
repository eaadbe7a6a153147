/**
 * The Slack exchange: the real Bolt app (HTTP receiver on 127.0.0.1, port 0) against the fake Slack
 * API from the tests. A mention in #dev, then a click on its Explain more button.
 */
import { createHmac } from 'node:crypto';
import { pino } from 'pino';
import { createTutorApp, parseConfig } from '../../src/index.ts';
import { startSlack } from '../../adapters/slack/index.ts';
import { BOT_USER_ID, FakeSlack, SIGNING_SECRET, TEAM_ID } from '../../test/adapters/slack/helpers/fake-slack.ts';
import { slackMessageText } from './slack-text.ts';

const USER = 'U0ADA0001';
const CHANNEL = 'C0DEV0001';
const QUESTION_TS = '1700000000.000001';

type Button = { type: string; text?: { text: string }; value?: string; action_id?: string };

export async function slackTranscript(question: string, click: string, env: Record<string, string>): Promise<string> {
  const fake = new FakeSlack();
  await fake.start();
  const config = parseConfig({ SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, DATA_DIR: ':memory:', ...env });
  const app = await createTutorApp(config, pino({ level: 'silent' }));
  const adapter = await startSlack(app, { listen: { port: 0, host: '127.0.0.1' } });
  const send = async (body: string, contentType: string) => {
    const before = adapter.started;
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
    const res = await fetch(`http://127.0.0.1:${adapter.port}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature },
      body,
    });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`Slack request answered ${res.status}`);
    for (let i = 0; adapter.started === before && i < 500; i++) await new Promise((r) => setTimeout(r, 10));
    await adapter.idle();
  };
  const lines: string[] = [];
  /** What the bot sent since `from`, as transcript lines. */
  const said = (from: number) =>
    fake.posts.slice(from).forEach((c, i) => {
      const [first, ...rest] = slackMessageText(c.args);
      lines.push(`${i ? '       ' : 'Tutor: '} ${first}`, ...rest.map((l) => `        ${l}`));
    });
  try {
    lines.push(`Ada:    @tutor ${question}`);
    const mention = {
      type: 'event_callback',
      team_id: TEAM_ID,
      api_app_id: 'A0TUTOR01',
      event_id: 'EvTranscript1',
      event_time: 1700000000,
      authorizations: [{ team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true }],
      event: { type: 'app_mention', user: USER, text: `<@${BOT_USER_ID}> ${question}`, ts: QUESTION_TS, event_ts: QUESTION_TS, channel: CHANNEL, team: TEAM_ID },
    };
    await send(JSON.stringify(mention), 'application/json');
    said(0);
    const answer = fake.posts.at(-1)!;
    const buttons = ((answer.args.attachments as { blocks: { elements?: Button[] }[] }[] | undefined) ?? [{ blocks: answer.args.blocks as { elements?: Button[] }[] }])
      .flatMap((a) => a.blocks)
      .flatMap((b) => b.elements ?? []);
    const button = buttons.find((e) => e.type === 'button' && e.text?.text === click);
    if (!button) throw new Error(`no "${click}" button on the Slack answer`);
    lines.push(`Ada:    (clicks ${click})`);
    const from = fake.posts.length;
    const ts = String((answer.result as { ts: string }).ts);
    const payload = {
      type: 'block_actions',
      user: { id: USER, username: 'ada', name: 'ada', team_id: TEAM_ID },
      api_app_id: 'A0TUTOR01',
      token: 'transcript',
      team: { id: TEAM_ID, domain: 'example' },
      container: { type: 'message', message_ts: ts, channel_id: CHANNEL, is_ephemeral: false },
      channel: { id: CHANNEL, name: 'dev' },
      message: { type: 'message', ts, thread_ts: QUESTION_TS, bot_id: 'BBOT0001', text: '' },
      trigger_id: '1.2.transcript',
      response_url: fake.responseUrl('click'),
      state: { values: {} },
      actions: [{ type: 'button', action_id: button.action_id, block_id: 'b1', value: button.value, text: { type: 'plain_text', text: click }, action_ts: ts }],
    };
    await send(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
    said(from);
    for (const r of fake.responses) lines.push(...slackMessageText(r.body).map((l, i) => `${i ? '        ' : 'Tutor:  '}${l}`));
    return lines.join('\n');
  } finally {
    await adapter.stop();
    await app.close();
    await fake.stop();
  }
}
