import type { BlockButtonAction, webApi } from '@slack/bolt';
import { scheduleFormDefaults, scheduleFormText, WEEK_DAYS, type ScheduleFormField } from '../../../src/index.ts';
import { deliver } from '../deliver.ts';
import { workspaceKey } from '../installations.ts';
import { EDIT_SCHEDULE_ACTION } from '../home/view.ts';
import { slackRequester, summarize } from '../requester.ts';
import { channelPost, ephemeralPost } from '../targets.ts';
import { acknowledge, type SlackContext, type SlackListener } from '../context.ts';
import { publishHome } from './app-home.ts';

const SCHEDULE_CALLBACK_ID = 'tutor:schedule';
const DAYS_LABELS = { weekdays: 'Weekdays (Mon–Fri)', daily: 'Every day', custom: 'Custom days' } as const;
/** Block ids of the modal's fields; a field's error is keyed by its block. */
const BLOCK: Record<ScheduleFormField, string> = { days: 'days', customDays: 'custom_days', time: 'time', zone: 'zone' };

interface ScheduleMeta {
  /** The channel whose schedule this is. */
  c: string;
  /** Opened from App Home: republish it after saving. */
  h?: boolean;
}

/**
 * Open the schedule modal for a channel, pre-filled from its current schedule or else weekdays
 * 09:00 in the person's Slack time zone (users.info tz). False when Slack refused (expired trigger).
 */
export async function openScheduleModal(
  client: webApi.WebClient,
  triggerId: string,
  person: { userId: string; teamId: string | undefined },
  meta: ScheduleMeta,
  current: { cron: string; zone: string } | undefined,
  ctx: SlackContext,
): Promise<boolean> {
  const tz = current ? undefined : await ctx.zones.of(client, person.teamId, person.userId);
  const v = scheduleFormDefaults(current, tz);
  const option = (value: string, label: string) => ({ text: { type: 'plain_text' as const, text: label }, value });
  const dayOptions = WEEK_DAYS.map((d) => option(d.value, d.label));
  const custom = dayOptions.filter((o) => v.customDays.includes(o.value));
  try {
    await client.views.open({
      trigger_id: triggerId,
      view: {
        type: 'modal',
        callback_id: SCHEDULE_CALLBACK_ID,
        private_metadata: JSON.stringify(meta),
        title: { type: 'plain_text', text: 'Daily quiz schedule' },
        submit: { type: 'plain_text', text: 'Save' },
        close: { type: 'plain_text', text: 'Cancel' },
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: `A quiz question is posted in <#${meta.c}> on these days at this time.` } },
          {
            type: 'input',
            block_id: BLOCK.days,
            label: { type: 'plain_text', text: 'Days' },
            element: {
              type: 'radio_buttons',
              action_id: BLOCK.days,
              options: Object.entries(DAYS_LABELS).map(([value, label]) => option(value, label)),
              initial_option: option(v.days, DAYS_LABELS[v.days as keyof typeof DAYS_LABELS]),
            },
          },
          {
            type: 'input',
            block_id: BLOCK.customDays,
            optional: true,
            label: { type: 'plain_text', text: 'Custom days' },
            hint: { type: 'plain_text', text: 'Used when Days is "Custom days".' },
            element: { type: 'checkboxes', action_id: BLOCK.customDays, options: dayOptions, ...(custom.length ? { initial_options: custom } : {}) },
          },
          { type: 'input', block_id: BLOCK.time, label: { type: 'plain_text', text: 'Time' }, element: { type: 'timepicker', action_id: BLOCK.time, initial_time: v.time } },
          {
            type: 'input',
            block_id: BLOCK.zone,
            label: { type: 'plain_text', text: 'Time zone' },
            hint: { type: 'plain_text', text: 'An IANA name such as Europe/Berlin or America/New_York.' },
            element: { type: 'plain_text_input', action_id: BLOCK.zone, initial_value: v.zone, max_length: 64 },
          },
        ],
      },
    });
    return true;
  } catch (err) {
    ctx.log.warn({ err: summarize(err) }, 'could not open the schedule form');
    return false;
  }
}

type Values = Record<string, Record<string, { selected_option?: { value?: string } | null; selected_options?: { value?: string }[]; selected_time?: string | null; value?: string | null }>>;

/** Edit in App Home opens the form; submitting it checks each field and saves through the core's `schedule` command. */
export const scheduleModal: SlackListener = {
  name: 'schedule-modal',
  register(bolt, ctx) {
    bolt.action<BlockButtonAction>(EDIT_SCHEDULE_ACTION, async ({ ack, body, action, client, context }) => {
      await acknowledge(ack, ctx);
      let edit: { c?: string; cron?: string; z?: string };
      try {
        edit = JSON.parse(action.value ?? '') as typeof edit;
      } catch {
        return;
      }
      if (!edit.c) return;
      await ctx.tasks.run('schedule-edit', async () => {
        const teamId = workspaceKey({ isEnterpriseInstall: context.isEnterpriseInstall, enterpriseId: context.enterpriseId, teamId: body.team?.id ?? body.user.team_id });
        await openScheduleModal(client, body.trigger_id, { userId: body.user.id, teamId }, { c: edit.c!, h: true }, edit.cron && edit.z ? { cron: edit.cron, zone: edit.z } : undefined, ctx);
      });
    });

    bolt.view(SCHEDULE_CALLBACK_ID, async ({ ack, body, view, client, context }) => {
      const values = view.state.values as unknown as Values;
      const checked = scheduleFormText({
        days: values[BLOCK.days]?.[BLOCK.days]?.selected_option?.value,
        customDays: (values[BLOCK.customDays]?.[BLOCK.customDays]?.selected_options ?? []).map((o) => String(o.value)),
        time: values[BLOCK.time]?.[BLOCK.time]?.selected_time ?? undefined,
        zone: values[BLOCK.zone]?.[BLOCK.zone]?.value ?? undefined,
      });
      if (!checked.ok) {
        // Shown under each field; the modal stays open and nothing is posted.
        const errors = Object.fromEntries(Object.entries(checked.errors).map(([field, message]) => [BLOCK[field as ScheduleFormField], message]));
        await ack({ response_action: 'errors', errors } as never);
        return;
      }
      let meta: ScheduleMeta;
      try {
        meta = JSON.parse(view.private_metadata) as ScheduleMeta;
      } catch {
        await ack();
        return;
      }
      await ack();
      await ctx.tasks.run('schedule-submit', async () => {
        const userId = body.user.id;
        // An org-wide install's schedules are keyed by the enterprise, where its token is stored.
        const teamId = workspaceKey({ isEnterpriseInstall: context.isEnterpriseInstall, enterpriseId: context.enterpriseId, teamId: body.team?.id ?? body.user.team_id });
        const who = slackRequester({ userId, channelId: meta.c, teamId, direct: false, canManageChannel: await ctx.admins.canManage(client, teamId, userId) });
        // The same command, with the same checks and answer, as typing `/tutor schedule weekdays 09:00 Europe/Berlin`.
        const reply = await ctx.app.handle({ type: 'command', name: 'schedule', args: checked.text }, who);
        const privately = [ephemeralPost(client, meta.c, userId), channelPost(client, userId)];
        await deliver({ reply, render: {}, targets: privately, apology: privately, question: `schedule ${checked.text}`, who: { userId, channelId: meta.c } }, ctx.log);
        if (meta.h) await publishHome(client, userId, teamId, ctx);
      });
    });
  },
};
