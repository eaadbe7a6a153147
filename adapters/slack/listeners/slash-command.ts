import type { SlashCommand, webApi } from '@slack/bolt';
import { busyReply } from '../busy.ts';
import { workspaceKey } from '../installations.ts';
import { deliver } from '../deliver.ts';
import { slackRequester } from '../requester.ts';
import { wantsZone } from '../user-zone.ts';
import { channelPost, ephemeralPost, responseUrl } from '../targets.ts';
import { isDirectChannel, neutralPingMentions, normalizeIncoming, wantsChannelManagement } from '../text.ts';
import { acknowledge, type SlackContext, type SlackListener } from '../context.ts';
import { openScheduleModal } from './schedule-modal.ts';
import { inChannel, keptPrivate } from '../../shared/placement.ts';

/**
 * `/tutor <text>`: the text goes to the core as typed (help, topics, explain …, quiz, or a
 * question). Any command name is accepted, so a workspace may rename it in the manifest.
 * Answers are ephemeral with a "Share in channel" button.
 */
export const slashCommand: SlackListener = {
  name: 'slash-command',
  register(bolt, ctx) {
    bolt.command(/^\/.+/, async ({ command, ack, client }) => {
      // Acknowledged within Slack's 3 seconds, before any work (and before waiting for a turn).
      await ctx.tasks.run('slash-command', () => answer(command, client, ctx), {
        ack: () => acknowledge(ack, ctx),
        busy: () => busyReply(responseUrl(command.response_url, 'ephemeral', ctx.app.config.platformTimeoutMs), ctx.log),
      });
    });
  },
};

async function answer(command: SlashCommand, client: webApi.WebClient, ctx: SlackContext): Promise<void> {
  const text = neutralPingMentions(normalizeIncoming(command.text));
  const direct = isDirectChannel(command.channel_id, command.channel_name);
  const teamId = workspaceOfCommand(command);
  const canManageChannel = wantsChannelManagement(text) ? await ctx.admins.canManage(client, teamId, command.user_id) : false;
  // `/tutor schedule` alone opens the set-up form for those who may change it; others see the schedule.
  const opensForm = canManageChannel && !direct && /^\/?schedule$/i.test(text);
  if (opensForm && (await openScheduleModal(client, command.trigger_id, { userId: command.user_id, teamId }, { c: command.channel_id }, undefined, ctx))) return;
  const zone = wantsZone(text) ? await ctx.zones.of(client, teamId, command.user_id) : undefined;
  const who = slackRequester({ userId: command.user_id, channelId: command.channel_id, teamId, direct, canManageChannel, zone });
  const reply = await ctx.app.handle({ type: 'text', text }, who);

  const privately = [responseUrl(command.response_url, 'ephemeral', ctx.app.config.platformTimeoutMs), ephemeralPost(client, command.channel_id, command.user_id)];
  const visible = inChannel(reply);
  await deliver(
    {
      reply,
      render: { share: keptPrivate(reply, { direct }) },
      targets: visible ? [channelPost(client, command.channel_id), responseUrl(command.response_url, 'in_channel', ctx.app.config.platformTimeoutMs)] : privately,
      apology: privately,
      question: text,
      who: { userId: command.user_id, channelId: command.channel_id },
      diagrams: ctx.diagrams.forClient(client),
    },
    ctx.log,
  );
}

/** The team, or the enterprise for an org-wide install (where its token is stored, so its schedules post with it). */
function workspaceOfCommand(c: SlashCommand): string | undefined {
  return workspaceKey({ isEnterpriseInstall: c.is_enterprise_install === 'true', enterpriseId: c.enterprise_id || undefined, teamId: c.team_id });
}
