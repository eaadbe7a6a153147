import type { Platform, TutorApp } from '../../src/index.ts';

/** One review of the pack's first quiz item, answered wrong once at `lastAnsweredAt` and due at `dueAt`. */
export async function putWrongReview(app: TutorApp, platform: Platform, userId: string, at: { dueAt: number; lastAnsweredAt: number }): Promise<void> {
  const item = app.tutor.pack.quizItems[0]!;
  await app.store.putReview({ platform, userId, itemId: item.id, box: 1, dueAt: at.dueAt, lastAnsweredAt: at.lastAnsweredAt, rightCount: 0, wrongCount: 1 });
}
