/** Interactions for the user-installed app and the message context menu (see payloads.ts for the rest). */
import { HUMAN, slash, USER_ID } from './payloads.ts';

export const GROUP_DM_ID = '300000000000000009';
const FRIEND = { id: '400000000000000008', username: 'grace', discriminator: '0', global_name: 'Grace', avatar: null, flags: 0 };

/** `/tutor <sub>` in a group DM, through the app installed to the user's account (no guild, no bot there). */
export function userInstallSlash(...args: Parameters<typeof slash>) {
  const s = slash(args[0], args[1], { ...args[2], dm: true });
  return {
    ...s,
    channel: { id: GROUP_DM_ID, type: 3, recipients: [HUMAN, FRIEND], name: null, icon: null, owner_id: FRIEND.id, last_message_id: null, flags: 0 },
    channel_id: GROUP_DM_ID,
    authorizing_integration_owners: { '1': USER_ID },
    context: 2,
  };
}

let n = 0;
/** Right-click a message > Apps > "Explain with Tutor" (an application command of type 3). */
export function explainMessage(content: string, where: { dm?: boolean; embeds?: unknown[] } = {}) {
  const s = slash('unused', [], where.dm ? { dm: true } : {});
  const id = (800000000000000000n + BigInt(++n)).toString();
  const message = {
    id,
    type: 0,
    channel_id: s.channel_id,
    author: FRIEND,
    content,
    embeds: where.embeds ?? [],
    components: [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    flags: 0,
    timestamp: '2026-01-01T00:00:00.000Z',
    edited_timestamp: null,
  };
  return { ...s, data: { id: '500000000000000077', name: 'Explain with Tutor', type: 3, target_id: id, resolved: { messages: { [id]: message } } } };
}
