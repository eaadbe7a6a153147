/**
 * Every Reply kind the core can produce, in a normal and an oversized form. Adapter contract
 * tests render each one and check the platform's limits.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodeAction, type Reply, type ReplyDiagram } from '../../src/index.ts';
import { diagramKey } from '../../src/diagrams/render.ts';

const SVG = fileURLToPath(new URL('../fixtures/diagram-pack/pics/diagrams/layers.svg', import.meta.url));
/** A real diagram (the fixture pack's), so adapters can load its PNG. */
const DIAGRAM: ReplyDiagram = {
  name: 'layers',
  alt: 'A dashed writable layer for one container on top of two read-only image layers.',
  text: '[ writable layer (container) ]\n[ image layer 2 (read-only)  ]\n[ image layer 1 (read-only)  ]',
  svgPath: SVG,
  key: diagramKey(readFileSync(SVG, 'utf8')),
  viewBoxWidth: 640,
};

const long = (n: number, word = 'container') =>
  Array.from({ length: Math.ceil(n / (word.length + 1)) }, () => word)
    .join(' ')
    .slice(0, n);

function base(kind: Reply['kind'], extra: Partial<Reply> = {}): Reply {
  return { kind, paragraphs: [], code: [], related: [], suggestions: [], extra: [], audience: 'requester', fallback: `${kind} fallback`, ...extra };
}

const explain = (i: number, label = `Concept ${i}`) => ({ label, action: encodeAction({ type: 'explain', conceptId: `concept-${i}` }) });

export function normalReplies(): Reply[] {
  return [
    base('answer', {
      title: 'Volumes',
      conceptId: 'volumes',
      paragraphs: ['**Volumes keep data.**', 'Use `docker volume create`.'],
      code: [{ caption: 'Create one', code: 'docker volume create data', language: 'bash' }],
      related: [explain(1), explain(2)],
      share: encodeAction({ type: 'share', conceptId: 'volumes' }),
    }),
    base('comparison', {
      title: 'Docker vs VM',
      conceptId: 'docker-vs-vm',
      paragraphs: ['Containers share a kernel.'],
      table: {
        caption: 'Compared',
        headers: ['Feature', 'Containers', 'VMs'],
        rows: [
          ['Kernel', 'Shared', 'Own'],
          ['Size', 'MBs', 'GBs'],
        ],
      },
      related: [explain(3)],
      share: encodeAction({ type: 'share', conceptId: 'docker-vs-vm' }),
    }),
    base('no-match', { title: "I don't know that one yet", paragraphs: ['No match for "<!channel> pancakes & <@U123>".'], suggestions: [explain(4), explain(5), explain(6)] }),
    base('help', { title: 'Help', paragraphs: ['`help` Show help\n`topics` Browse'], suggestions: [explain(7)] }),
    base('topics', {
      title: 'Topics (page 1 of 2)',
      paragraphs: ['**A**: a\n**B**: b'],
      related: Array.from({ length: 10 }, (_, i) => explain(i)),
      extra: [{ label: 'Next ▶', action: encodeAction({ type: 'topics', page: 2 }) }],
    }),
    base('quiz-question', {
      title: 'Quiz: Volumes',
      conceptId: 'volumes',
      paragraphs: ['Which survives docker rm?'],
      quiz: {
        prompt: 'Which survives docker rm?',
        conceptId: 'volumes',
        conceptTitle: 'Volumes',
        choices: ['A. A named volume', 'B. The writable layer'].map((label, i) => ({ label, action: encodeAction({ type: 'practice-answer', itemId: 'volumes-q1', choice: i }) })),
      },
    }),
    base('quiz-feedback', { title: 'Not quite', paragraphs: ['You picked: B', '**Answer:** A', 'Because.'], related: [explain(8)] }),
    base('quiz-summary', { title: 'Quiz closed', paragraphs: ['Answer: A', '3 of 4 got it right (75%).'], extra: [explain(9, 'Learn more: Volumes')] }),
    base('leaderboard', { title: 'Leaderboard (this week)', paragraphs: ['1. <@U1> 5 points, 3-day streak'] }),
    base('stats', {
      title: 'Your stats',
      paragraphs: ['Answered: **12**, 75% right.', 'Streak: **3** quiz days (best: 5).'],
      table: {
        caption: 'Accuracy per topic',
        headers: ['Topic', 'Answered', 'Right'],
        rows: [
          ['Volumes', '8', '75%'],
          ['Images', '4', '50%'],
        ],
      },
    }),
    base('notice', { title: 'Not available yet', paragraphs: ['Soon.'] }),
    base('error', { title: 'Something went wrong', paragraphs: ['Try again.'] }),
    // With a picture: an answer and a quiz question.
    base('answer', {
      title: 'Writable layer',
      conceptId: 'writable-layer',
      paragraphs: ['**Each container gets a thin writable layer.**'],
      diagram: DIAGRAM,
      related: [explain(10)],
      share: encodeAction({ type: 'share', conceptId: 'writable-layer' }),
    }),
    base('quiz-question', {
      title: 'Quiz: Writable layer',
      conceptId: 'writable-layer',
      paragraphs: ['Which layer is lost?'],
      diagram: DIAGRAM,
      quiz: {
        prompt: 'Which layer is lost?',
        conceptId: 'writable-layer',
        conceptTitle: 'Writable layer',
        choices: ['A. The writable layer', 'B. Image layer 1'].map((label, i) => ({ label, action: encodeAction({ type: 'practice-answer', itemId: 'writable-layer-q1', choice: i }) })),
      },
    }),
    // A first answer as the tutor sends it: continue buttons, the related-topics menu, 👍/👎.
    base('comparison', {
      title: 'Volumes vs bind mounts',
      conceptId: 'volumes',
      paragraphs: ['Docker manages volumes; a bind mount is a host path you choose.'],
      table: {
        caption: 'Volumes vs bind mounts',
        headers: ['Aspect', 'Volume', 'Bind mount'],
        rows: [
          ['Managed by', 'Docker', 'You'],
          ['Emoji 🐳 and CJK 容器', 'wide', 'cells'],
        ],
      },
      extra: [
        { label: 'Explain more', action: encodeAction({ type: 'more', conceptId: 'volumes' }) },
        { label: 'Show an example', action: encodeAction({ type: 'example', conceptId: 'volumes' }) },
        { label: 'Quiz me on this', action: encodeAction({ type: 'quiz-concept', conceptId: 'volumes' }) },
      ],
      menu: { placeholder: 'Related topics', options: [explain(10, 'Bind mounts'), explain(11, 'The `docker rm` command')] },
      feedback: { up: encodeAction({ type: 'feedback', conceptId: 'volumes', helpful: true }), down: encodeAction({ type: 'feedback', conceptId: 'volumes', helpful: false }) },
      share: encodeAction({ type: 'share', conceptId: 'volumes' }),
    }),
  ];
}

/** The same kinds pushed far past every platform limit. */
export function oversizedReplies(): Reply[] {
  const manyActions = Array.from({ length: 60 }, (_, i) => explain(i, `${long(200, 'label')} ${i}`));
  return normalReplies().map((r) => ({
    ...r,
    title: long(400, 'title'),
    paragraphs: Array.from({ length: 80 }, (_, i) => `${i}: ${long(5000)}`),
    table: {
      caption: long(500, 'caption'),
      headers: Array.from({ length: 25 }, (_, i) => `H${i} ${long(60, 'h')}`),
      rows: Array.from({ length: 150 }, (_, i) => Array.from({ length: 25 }, (_, j) => (j % 7 === 3 ? '' : `r${i}c${j} ${long(80, 'cell')}`))),
    },
    code: Array.from({ length: 12 }, (_, i) => ({ caption: long(300, 'cap'), code: `${i}\n${long(9000, 'echo')}`, language: 'bash' })),
    related: manyActions,
    suggestions: manyActions.slice(0, 30),
    extra: manyActions.slice(0, 10),
    ...(r.menu ? { menu: { placeholder: long(300, 'placeholder'), options: manyActions.map((a, i) => ({ ...a, action: `${a.action}x${i}` })) } } : {}),
    ...(r.quiz
      ? {
          quiz: {
            ...r.quiz,
            prompt: long(3000, 'prompt'),
            choices: Array.from({ length: 5 }, (_, i) => ({ label: long(300, 'choice'), action: encodeAction({ type: 'practice-answer', itemId: 'volumes-q1', choice: i }) })),
          },
        }
      : {}),
    fallback: long(50000, 'fallback'),
  }));
}
