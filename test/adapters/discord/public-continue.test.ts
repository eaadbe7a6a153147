/**
 * Explain more and Show an example on a PUBLIC answer go on in public (a reply in the channel,
 * where everyone who saw the answer can read on), not in a private message; on a private answer
 * they still replace it in place. The real discord.js client against the fake Discord.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';
import { buttonPress } from './payloads.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('continuing a public answer', () => {
  it('Explain more on a public answer replies in the channel (callback type 4, not ephemeral)', async () => {
    const cb = await h.interact(buttonPress('m:volume'));
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags ?? 0).toBe(0);
    expect(cb.body.data.embeds[0].description).toMatch(/\w{3,}/);
    // A public continuation has no Share button: it is already shared.
    expect(JSON.stringify(cb.body.data.components)).not.toContain('s:volume');
    expect(cb.body.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('Show an example on a public answer replies in the channel with the example', async () => {
    const cb = await h.interact(buttonPress('x:volume'));
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags ?? 0).toBe(0);
    expect(JSON.stringify(cb.body.data.embeds)).toContain('```');
  });

  it('on a private answer the same buttons still replace it in place (callback type 7)', async () => {
    const cb = await h.interact(buttonPress('m:volume', { ephemeral: true }));
    expect(cb.body.type).toBe(7);
    expect(cb.body.data.flags).toBeUndefined();
  });

  it('a related-topic click on a public answer stays private (it is a new question of one person)', async () => {
    const cb = await h.interact(buttonPress('c:hypervisor'));
    expect(cb.body.data.flags).toBe(64);
  });

  it('in a DM the continuation is an ordinary reply', async () => {
    const cb = await h.interact(buttonPress('m:volume', { dm: true }));
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags ?? 0).toBe(0);
  });
});
