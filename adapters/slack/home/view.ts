import type { HomeView, ReplyAction } from '../../../src/index.ts';
import { markdownToPlain } from '../../shared/markdown.ts';
import { ACTION_ID_PREFIX, actions, context, header, section, type Block, type Button } from '../render/blocks.ts';
import { renderReply } from '../render/index.ts';
import { clip, LIMITS } from '../render/limits.ts';
import { escapeMrkdwn } from '../render/mrkdwn.ts';
import { slackDate } from '../render/time.ts';

/** Blocks of a view; dividers and field sections are home-only, so not in the message Block type. */
type HomeBlock = Block | { type: string; [key: string]: unknown };

/** The Edit button on a schedule: its value is the channel id; app-home.ts opens the schedule modal. */
export const EDIT_SCHEDULE_ACTION = 'tutor-home:edit-schedule';
/** What Edit carries: the channel and its current schedule, to start the form from. */
function editValue(s: { channelId: string; cron: string; zone: string }): string {
  return JSON.stringify({ c: s.channelId, cron: s.cron, z: s.zone });
}
/** A home view holds at most 100 blocks; this leaves room for the fixed parts. */
const MAX_BLOCKS = 100;
/** Slack's static_select takes at most 100 options of 75 characters. */
const MAX_OPTIONS = 100;

/** The App Home tab (views.publish `view`) for one learner. */
export function homeTab(home: HomeView): { type: 'home'; blocks: HomeBlock[] } {
  let n = 0;
  const button = (a: ReplyAction, primary = false): Button => ({
    type: 'button',
    text: { type: 'plain_text', text: clip(markdownToPlain(a.label), LIMITS.buttonText) },
    action_id: `${ACTION_ID_PREFIX}home-${n++}`,
    value: a.action,
    ...(primary ? { style: 'primary' as const } : {}),
  });
  const blocks: HomeBlock[] = [header('Container Tutor')];
  if (home.firstVisit) {
    blocks.push(
      section(
        '*Welcome!* I answer questions about containers and virtual machines, in your own words, and run short quizzes. Ask me here in *Messages*, with `/tutor` anywhere, or by mentioning me in a channel. Try one of these:',
      ),
    );
    if (home.starters.length) blocks.push(actions(home.starters.map((a) => button(a))));
  } else {
    blocks.push({
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Your streak*\n${home.streak} quiz day${home.streak === 1 ? '' : 's'}` },
        { type: 'mrkdwn', text: `*Answered this week*\n${home.answeredThisWeek}` },
        { type: 'mrkdwn', text: `*Reviews due today*\n${home.reviewsDue}` },
      ],
    });
    blocks.push(actions([button(home.startReview, home.reviewsDue > 0)]));
  }
  const options = home.topics.slice(0, MAX_OPTIONS).map((t) => ({ text: { type: 'plain_text' as const, text: clip(markdownToPlain(t.label), LIMITS.buttonText) }, value: t.action }));
  if (options.length) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: '*Topics*: pick one and I explain it in Messages.' },
      accessory: { type: 'static_select', action_id: `${ACTION_ID_PREFIX}home-topic`, placeholder: { type: 'plain_text', text: 'Choose a topic' }, options },
    });
  }
  for (const s of home.schedules) {
    if (blocks.length >= MAX_BLOCKS - 4) break;
    if (s === home.schedules[0]) blocks.push({ type: 'divider' }, header('Schedules you manage'));
    const text = `<#${s.channelId}>: *${escapeMrkdwn(s.label)}* (${escapeMrkdwn(s.zone)})\nNext quiz: ${slackDate(s.nextRunAt, s.zone)}`;
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text }, accessory: { type: 'button', text: { type: 'plain_text', text: 'Edit' }, action_id: EDIT_SCHEDULE_ACTION, value: editValue(s) } });
  }
  for (const board of home.leaderboards) {
    const body = (renderReply(board.reply).blocks ?? []).filter((b) => b.type === 'section' || b.type === 'context');
    if (blocks.length + body.length + 2 > MAX_BLOCKS) {
      blocks.push(context('More channels are not shown.'));
      break;
    }
    blocks.push({ type: 'divider' }, section(`*This week in <#${board.channelId}>*`), ...body);
  }
  return { type: 'home', blocks };
}
