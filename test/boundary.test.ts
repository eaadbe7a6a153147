import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? tsFiles(full) : name.endsWith('.ts') ? [full] : [];
  });
}

// import … from 'x', export … from 'x', side-effect import 'x', import('x') and require('x').
const IMPORT = /(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]|\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g;
const importsIn = (text: string) => [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]!);
const importsOf = (file: string) => importsIn(readFileSync(file, 'utf8'));

describe('architecture boundaries', () => {
  it('src/ never imports a chat platform library', () => {
    const offenders = tsFiles(join(root, 'src')).flatMap((f) =>
      importsOf(f)
        .filter((s) => s === 'discord.js' || s.startsWith('@discordjs/') || s.startsWith('@slack/'))
        .map((s) => `${relative(root, f)} imports ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it('adapters reach the core only through src/index.ts', () => {
    const offenders = tsFiles(join(root, 'adapters')).flatMap((f) =>
      importsOf(f)
        .filter((s) => s.startsWith('.'))
        .map((s) => relative(root, resolve(f, '..', s)))
        .filter((target) => target.startsWith('src') && target !== join('src', 'index.ts'))
        .map((target) => `${relative(root, f)} imports ${target}`),
    );
    expect(offenders).toEqual([]);
  });

  it('only src/config.ts reads process.env', () => {
    const files = [...tsFiles(join(root, 'src')), ...tsFiles(join(root, 'adapters'))];
    const offenders = files.filter((f) => f !== join(root, 'src', 'config.ts') && /process\.env/.test(readFileSync(f, 'utf8'))).map((f) => relative(root, f));
    expect(offenders).toEqual([]);
  });

  it('the boundary check itself sees imports', () => {
    expect(importsOf(join(root, 'adapters', 'start.ts'))).toContain('../src/index.ts');
    const sample = `import '@slack/bolt';\nconst d = require('discord.js');\nconst b = await import("@discordjs/rest");\nexport { x } from './y.ts';\nimport type { Z } from '@slack/web-api';`;
    expect(importsIn(sample)).toEqual(['@slack/bolt', 'discord.js', '@discordjs/rest', './y.ts', '@slack/web-api']);
  });
});
