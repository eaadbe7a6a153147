import { ContentPack, type Concept } from '../src/content/model.ts';

/** 40 concepts with 3 quiz items each: what the quiz and Postgres benches schedule from. */
export function pack(): ContentPack {
  const concepts: Concept[] = Array.from({ length: 40 }, (_, c) => ({
    id: `concept-${c}`,
    pack: 'bench',
    file: `c${c}.yaml`,
    title: `Concept ${c}`,
    aliases: [],
    keywords: [],
    questions: [],
    summary: 's',
    body: 'b',
    examples: [],
    related: [],
    quiz: Array.from({ length: 3 }, (_, q) => ({
      id: `concept-${c}-q${q}`,
      conceptId: `concept-${c}`,
      prompt: `Q${q}?`,
      choices: ['a', 'b', 'c'],
      answerIndex: 0,
      explanation: 'e',
      misconceptions: {},
    })),
  }));
  return new ContentPack(concepts);
}
