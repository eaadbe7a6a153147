/** The share and placement rules every chat adapter follows. */
import { describe, expect, it } from 'vitest';
import { inChannel, keptPrivate, SHARE_LABEL, shareButton, sharedNote } from '../../../adapters/shared/placement.ts';

describe('placement', () => {
  it('a reply for the channel, or one the adapter answers in public, goes to everyone', () => {
    expect(inChannel({ audience: 'channel' })).toBe(true);
    expect(inChannel({ audience: 'requester' })).toBe(false);
    expect(inChannel({ audience: 'requester' }, { public: true })).toBe(true);
  });

  it('a reply for the asker is kept private only where others could read it', () => {
    expect(keptPrivate({ audience: 'requester' }, { direct: false })).toBe(true);
    expect(keptPrivate({ audience: 'requester' }, { direct: true })).toBe(false);
    expect(keptPrivate({ audience: 'channel' }, { direct: false })).toBe(false);
    expect(keptPrivate({ audience: 'requester' }, { direct: false, public: true })).toBe(false);
  });

  it('Share appears only where offered and when the core made the reply shareable', () => {
    expect(shareButton({ share: 's:volume' }, true)).toEqual({ label: SHARE_LABEL, action: 's:volume' });
    expect(shareButton({ share: 's:volume' }, false)).toBeUndefined();
    expect(shareButton({}, true)).toBeUndefined();
    expect(sharedNote('<#C1>')).toBe('Shared in <#C1>');
  });
});
