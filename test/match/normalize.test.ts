import { describe, expect, it } from 'vitest';
import { cleanText, normalizeQuestion, stem } from '../../src/match/normalize.ts';

describe('normalizeQuestion', () => {
  it('strips Slack and Discord mentions, links and markdown', () => {
    expect(cleanText('<@U024BE7LH> what is `docker run`?')).toBe('what is docker run ?');
    expect(cleanText('<@123456789012345678> **volumes** <#C1|general> <!here>')).toBe('volumes');
    expect(cleanText('see [the docs](https://x.y) _now_')).toBe('see the docs now');
  });

  it('case-folds, collapses whitespace and drops filler words', () => {
    const q = normalizeQuestion('  How   DO I use\tDocker   Volumes?? ');
    expect(q.tokens).toEqual(['docker', stem('volumes')]);
  });

  it('keeps a capitalised FROM (the Dockerfile instruction) and drops the filler "from"', () => {
    expect(normalizeQuestion('what does FROM ubuntu:24.04 give me').tokens).toContain('dockerfrom');
    expect(normalizeQuestion('I got a letter from my landlord').tokens).not.toContain('dockerfrom');
    expect(normalizeQuestion('I got a letter from my landlord').tokens).not.toContain('from');
  });

  it('folds plurals to the singular', () => {
    expect(stem('hypervisors')).toBe('hypervisor');
    expect(stem('policies')).toBe('policy');
    expect(stem('processes')).toBe('process');
    expect(stem('status')).toBe('status');
    expect(normalizeQuestion('namespaces').tokens).toEqual(normalizeQuestion('namespace').tokens);
  });

  it('folds verb and noun forms onto one stem', () => {
    for (const group of [
      ['isolate', 'isolated', 'isolation'],
      ['mount', 'mounted', 'mounting', 'mounts'],
      ['virtualization', 'virtualisation', 'virtualize'],
      ['map', 'mapping', 'mapped'],
      ['share', 'shared', 'sharing'],
    ]) {
      expect(new Set(group.map(stem)).size, group.join()).toBe(1);
    }
    expect(stem('speed')).toBe('speed');
    expect(stem('docker')).toBe('docker');
  });

  it('turns comparison wording into "vs"', () => {
    expect(normalizeQuestion('difference between containers and virtual machines').tokens).toEqual(['vs', 'container', 'vm']);
    expect(normalizeQuestion('Docker versus VMs').tokens).toEqual(['docker', 'vs', 'vm']);
    expect(normalizeQuestion('type one hypervisor').tokens).toEqual(['type', '1', 'hypervisor']);
  });

  it('recognises small talk', () => {
    expect(normalizeQuestion('hello!').smallTalk).toBe(true);
    expect(normalizeQuestion('thanks a lot').smallTalk).toBe(true);
    expect(normalizeQuestion('help me with volumes').smallTalk).toBe(false);
  });

  it('survives hostile input', () => {
    expect(normalizeQuestion('').tokens).toEqual([]);
    expect(normalizeQuestion('\u0000\u0007\u202e').tokens).toEqual([]);
    const huge = normalizeQuestion('docker '.repeat(20000));
    expect(huge.text.length).toBeLessThanOrEqual(500);
    expect(huge.tokens).toEqual(['docker']);
    expect(normalizeQuestion('🐳 docker 🐳').tokens).toEqual(['docker']);
  });

  it('splits sizes from their units and drops terminal colour codes', () => {
    expect(normalizeQuestion('a 20GB vm vs a 70mb image').tokens).toEqual(expect.arrayContaining(['gb', 'mb']));
    expect(normalizeQuestion('\u001b[31mhypervisor\u001b[0m').tokens).toEqual(['hypervisor']);
    // Not a unit: words that merely contain digits stay whole.
    expect(normalizeQuestion('k8s on x86').tokens).toEqual(['kubernet', 'x86']);
  });

  it('drops words about how to explain, which name no topic', () => {
    expect(normalizeQuestion('wtf is a hypervisor under the hood in plain english').tokens).toEqual(['hypervisor']);
  });
});
