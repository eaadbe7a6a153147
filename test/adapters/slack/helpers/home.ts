import { expect } from 'vitest';
import type { Harness } from './harness.ts';

/** A block of a published Home view, as far as the tests read it. */
export interface ViewBlock {
  type: string;
  text?: { text: string };
  fields?: { text: string }[];
  elements?: { type: string; value?: string; text?: { text: string }; action_id?: string }[];
  accessory?: { type: string; action_id: string; value?: string; options?: { value: string }[] };
}

/** Open `user`'s Home tab (an app_home_opened event) and return the one view the bot published for them. */
export async function openHome(h: Harness, user: string): Promise<{ type: string; blocks: ViewBlock[] }> {
  const before = h.fake.calls.length;
  await h.event({
    type: 'event_callback',
    team_id: 'T0001TEST',
    api_app_id: 'A0TUTOR01',
    event_id: `Ev-home-${user}-${Math.random()}`,
    event_time: 1,
    event: { type: 'app_home_opened', user, channel: 'D0HOME', tab: 'home', event_ts: '1.1' },
  });
  const published = h.fake.calls.slice(before).filter((c) => c.method === 'views.publish');
  expect(published).toHaveLength(1);
  expect(published[0]!.args.user_id).toBe(user);
  const view = published[0]!.args.view;
  return (typeof view === 'string' ? JSON.parse(view) : view) as { type: string; blocks: ViewBlock[] };
}
