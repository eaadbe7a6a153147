import { encodeAction, type Platform, type TutorApp } from '../../src/index.ts';

/**
 * Put one quiz in a channel (through the scheduler and the adapter's poster) and have each of
 * `users` answer it through the tutor, so the channel has scores. The clock must stand at `at`.
 */
export async function seedScores(app: TutorApp, platform: Platform, channelId: string, users: readonly string[], at: number): Promise<number> {
  await app.store.putSchedule({ platform, channelId, label: 'daily 08:00', cron: '0 8 * * *', zone: 'UTC', nextRunAt: at, updatedBy: 'seed', updatedAt: at });
  await app.scheduler.tick();
  const post = (await app.store.channelPosts({ platform, channelId })).at(-1);
  if (!post) throw new Error('seedScores: the quiz was not posted');
  const item = app.tutor.pack.quizById.get(post.itemId)!;
  for (const [i, userId] of users.entries()) {
    const choice = i === 0 ? item.answerIndex : (item.answerIndex + 1) % item.choices.length;
    await app.handle({ type: 'action', action: encodeAction({ type: 'post-answer', postId: post.id, choice }) }, { platform, userId, channelId });
  }
  return post.id;
}
