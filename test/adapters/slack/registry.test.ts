import { expect, test } from 'vitest';
import { adapters } from '../../../adapters/registry.ts';
import { parseConfig, type TutorApp } from '../../../src/index.ts';

test('the slack adapter is listed and enabled exactly when Slack credentials are configured', () => {
  const entry = adapters.find((a) => a.name === 'slack')!;
  expect(entry).toBeDefined();
  const appWith = (env: Record<string, string>) => ({ config: parseConfig(env) }) as TutorApp;
  expect(entry.enabled(appWith({}))).toBe(false);
  expect(entry.enabled(appWith({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'abcdef0123456789abcdef' }))).toBe(true);
});
