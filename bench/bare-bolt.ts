/**
 * The baseline for the load benchmark: a bare Bolt app whose only listener acknowledges and does
 * nothing. `node --import tsx bench/bare-bolt.ts` with SLACK_API_URL, SLACK_SIGNING_SECRET and
 * SLACK_PORT; prints "listening" once it is ready.
 */
import { App, HTTPReceiver } from '@slack/bolt';

const env = process.env;
const receiver = new HTTPReceiver({ signingSecret: env.SLACK_SIGNING_SECRET ?? '', endpoints: '/slack/events' });
const app = new App({ token: 'xoxb-test-token', receiver, clientOptions: { slackApiUrl: env.SLACK_API_URL ?? '' } });
app.event('app_mention', async () => {});
app.event('message', async () => {});
await receiver.start(Number(env.SLACK_PORT));
process.stdout.write('listening\n');
