import type { Block, TableBlock } from './blocks.ts';
import { section } from './blocks.ts';
import { LIMITS } from './limits.ts';

/**
 * A schedule's ping on post, shown once in the blocks: its own section first when the message has
 * room for one more block. At the 50-block limit it goes at the start of the first section (or
 * context) that has room for it instead, so nothing is dropped for it. Undefined when neither
 * fits: the caller then renders again with the ping counted as one of the fixed blocks.
 */
export function placePing(blocks: (Block | TableBlock)[], mention: string): (Block | TableBlock)[] | undefined {
  if (blocks.length < LIMITS.blocks) return [section(mention), ...blocks];
  const lead = `${mention} `;
  const s = blocks.findIndex((b) => b.type === 'section' && b.text.text.length + lead.length <= LIMITS.sectionText);
  if (s >= 0) return blocks.map((b, i) => (i === s && b.type === 'section' ? section(lead + b.text.text) : b));
  const c = blocks.findIndex((b) => b.type === 'context' && b.elements[0] !== undefined && b.elements[0].text.length + lead.length <= LIMITS.contextText);
  if (c >= 0) return blocks.map((b, i) => (i === c && b.type === 'context' ? { ...b, elements: b.elements.map((e, j) => (j === 0 ? { ...e, text: lead + e.text } : e)) } : b));
  return undefined;
}
