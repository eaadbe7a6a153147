import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeAction } from '../../src/reply/actions.ts';
import { ManualClock } from '../../src/time/clock.ts';
import { bankPack, harness, person, setSchedule, type Harness } from './helpers.ts';

const DAY = 86_400_000;

describe('question choice per channel', () => {
  let h: Harness;
  let day = 0;
  beforeEach(async () => {
    h = harness({ clock: new ManualClock('2027-01-03T12:00:00Z'), pack: bankPack(2) }); // 4 concepts x 2 = 8 items
    await setSchedule(h, 'daily 09:00 UTC');
    day = 0;
  });
  afterEach(() => h.store.close());

  /** Post the next daily quiz and return its item id; `choice` answers it as U1. */
  async function nextQuiz(choice?: number): Promise<string> {
    h.clock.set(Date.parse('2027-01-04T09:00:00Z') + day++ * DAY);
    await h.scheduler.tick();
    const reply = h.poster.quizPosts().at(-1)!.reply;
    const action = decodeAction(reply.quiz!.choices[0]!.action);
    if (action?.type !== 'post-answer') throw new Error('expected a channel quiz');
    if (choice !== undefined) await h.quiz.answer({ ...action, choice }, person('U1'));
    return (await h.store.getPost(action.postId))!.itemId;
  }

  it('does not repeat a question until the bank is used up', async () => {
    const round1: string[] = [];
    for (let i = 0; i < 8; i++) round1.push(await nextQuiz());
    expect(new Set(round1).size).toBe(8);
    const round2: string[] = [];
    for (let i = 0; i < 8; i++) round2.push(await nextQuiz());
    expect(new Set(round2).size).toBe(8);
  });

  it('brings back the concepts the channel got wrong sooner', async () => {
    const first = await nextQuiz(1); // wrong
    const concept = first.replace(/-q\d$/, '');
    // The other item of the missed concept comes next, ahead of unseen concepts.
    expect(await nextQuiz(0)).toMatch(new RegExp(`^${concept}-q`));
    for (let i = 0; i < 6; i++) await nextQuiz(0);
    // Next round: the missed concept leads again.
    expect(await nextQuiz()).toMatch(new RegExp(`^${concept}-q`));
  });
});
