import Fuse from 'fuse.js';
import type { Concept, ContentPack } from './content/model.ts';
import { readClassifierCache } from './content/classifier-cache.ts';
import { CLASSIFIER_CACHE_FILE } from './paths.ts';
import { Matcher, type ConceptHit, type MatchableConcept, type MatchResult } from './match/matcher.ts';
import { MAX_QUESTION_CHARS } from './match/normalize.ts';
import type { Requester, TutorRequest } from './adapter-api/request.ts';
import { decodeAction } from './reply/actions.ts';
import { explainAction, hitsToActions, noMatchReply, noticeReply } from './reply/build.ts';
import { echo } from './reply/echo.ts';
import { commandText } from './reply/syntax.ts';
import { exampleReply, firstAnswer, moreReply } from './reply/first-answer.ts';
import { answerFollowUp } from './conversation/continue.ts';
import { parseFollowUp } from './conversation/followup.ts';
import { LocalMemory, type ConversationMemory } from './conversation/memory.ts';
import { smallTalk } from './conversation/smalltalk.ts';
import { handleFeedback, type FeedbackSink } from './feedback/feedback.ts';
import type { Reply, ReplyAction } from './reply/types.ts';
import { commands as defaultCommands, findCommand } from './commands/index.ts';
import type { Command, CommandInput } from './commands/types.ts';
import type { QuizFeatures } from './quiz/features.ts';
import { StatelessQuiz } from './quiz/stateless.ts';
import type { ReminderFeatures } from './reminders/features.ts';

export interface TutorOptions {
  quiz?: QuizFeatures;
  /** Daily reminders (the app gives the store's); without it the remind command says they are unavailable. */
  reminders?: ReminderFeatures;
  /** Called for every question that matched no concept (the content-gap report listens here). */
  onUnmatched?: (normalizedText: string, who: Requester) => void;
  /** Concepts offered as a starting point in help replies. */
  starters?: string[];
  /** Minimum confidence to answer with a concept (MATCH_THRESHOLD); the matcher's default otherwise. */
  threshold?: number;
  /** What each conversation is about, for follow-ups. Default: in this process only. */
  memory?: ConversationMemory;
  /** Where 👍/👎 go (the store). Without one, feedback is acknowledged but not kept. */
  feedback?: FeedbackSink;
  /** Called with any internal error while answering (the app logs it with the request's context). */
  onError?: (err: unknown, req: TutorRequest, who: Requester) => void;
  /** The commands to route, in help order. Default: the commands index. */
  commands?: readonly Command[];
}

/** What the matcher indexes for a concept: its names, and its summary and body as weaker evidence. */
export function matchableConcept(c: Concept): MatchableConcept {
  return { id: c.id, title: c.title, aliases: c.aliases, keywords: c.keywords, comparison: !!c.table, text: `${c.summary}\n${c.body}`, questions: c.questions };
}

const DEFAULT_STARTERS = ['docker-vs-vm', 'container', 'docker-image', 'volumes', 'hypervisor-types'];

/** The platform-neutral tutor: a request in, a Reply out. */
export class Tutor {
  readonly matcher: Matcher;
  quiz: QuizFeatures;
  readonly reminders?: ReminderFeatures;
  private readonly names: Fuse<{ id: string; name: string }>;
  private readonly options: TutorOptions;
  readonly memory: ConversationMemory;
  /** Every command this tutor routes, in help order. */
  readonly commands: readonly Command[];

  constructor(
    readonly pack: ContentPack,
    options: TutorOptions = {},
  ) {
    this.options = options;
    this.memory = options.memory ?? new LocalMemory();
    this.commands = options.commands ?? defaultCommands;
    this.matcher = new Matcher(pack.concepts.map(matchableConcept), { threshold: options.threshold, outOfScope: pack.outOfScope, trainedClassifier: readClassifierCache(CLASSIFIER_CACHE_FILE) });
    this.quiz = options.quiz ?? new StatelessQuiz(pack);
    if (options.reminders) this.reminders = options.reminders;
    const names = pack.concepts.flatMap((c) => [c.title, ...c.aliases, c.id].map((name) => ({ id: c.id, name })));
    this.names = new Fuse(names, { keys: ['name'], threshold: 0.4, ignoreLocation: true, includeScore: true });
  }

  async handle(req: TutorRequest, who: Requester): Promise<Reply> {
    try {
      switch (req.type) {
        case 'text':
          return await this.handleText(req.text, who);
        case 'command':
          return await this.runCommand(req.name, req.options ? { options: req.options, ...(req.sub ? { sub: req.sub } : {}) } : { text: req.args ?? '' }, who);
        case 'action':
          return await this.handleAction(req.action, who, req.text);
      }
    } catch (err) {
      // A bug must cost one reply, not the bot: it is logged in full; the person gets no internals.
      this.options.onError?.(err, req, who);
      return noticeReply('Something went wrong', 'Sorry, something went wrong on my side while answering that. It has been logged; please try again in a moment.', 'error');
    }
  }

  /** A typed line: a command word ("help", "/explain volumes") or a question. */
  private async handleText(text: string, who: Requester): Promise<Reply> {
    const trimmed = String(text ?? '').trim();
    if (!trimmed) return this.runCommand('help', { text: '' }, who);
    const m = /^\/?(\S+)\s*([\s\S]*)$/.exec(trimmed);
    const first = m?.[1] ?? '';
    const rest = m?.[2] ?? '';
    const cmd = findCommand(first, this.commands);
    if (cmd && (!cmd.accepts || cmd.accepts(rest))) return cmd.run({ text: rest }, this.context(who));
    if (trimmed.startsWith('/') && !cmd) {
      const r = await this.runCommand('help', { text: '' }, who);
      r.paragraphs.unshift(`Unknown command ${echo(first, 40)}. Here is what I understand:`);
      return r;
    }
    const chat = smallTalk(trimmed, who.platform);
    if (chat) return noticeReply('', chat);
    const followUp = parseFollowUp(trimmed);
    if (followUp) {
      const state = await this.memory.recall(who);
      const r = await answerFollowUp(this, followUp, state, trimmed, who);
      // "Tell me more" stays about the question that started it; a new concept starts afresh.
      if (r) return this.remembered(r, state && r.conceptId === state.conceptId ? state.question : trimmed, who);
    }
    // A lone word that is neither a command nor a concept is most likely a mistyped subcommand
    // ("/tutor leaderbord"): answer with help rather than a bare "don't know".
    const lone = !/\s/.test(trimmed) ? this.matcher.match(trimmed) : null;
    if (lone && !lone.best && !lone.query.smallTalk) {
      const r = await this.runCommand('help', { text: '' }, who);
      const hits = lone.suggestions;
      r.paragraphs.unshift(`I don't know ${echo(trimmed, 40)} as a command or a topic. Here is what I understand:`);
      if (hits.length) r.suggestions = hitsToActions(hits);
      return r;
    }
    return this.answerQuestion(trimmed, who);
  }

  /** Run a command by name (typed text, or structured options); an unknown name gets help. */
  async runCommand(name: string, input: CommandInput, who: Requester): Promise<Reply> {
    const cmd = findCommand(name, this.commands);
    if (!cmd) {
      const r = await this.help(who);
      r.paragraphs.unshift(`Unknown command ${echo(name, 40)}. Here is what I understand:`);
      return r;
    }
    return cmd.run(input, this.context(who));
  }

  private help(who: Requester): Promise<Reply> {
    return Promise.resolve(findCommand('help', this.commands)!.run({ text: '' }, this.context(who)));
  }

  private context(who: Requester) {
    return { tutor: this, who, commands: this.commands };
  }

  /** Remember what a concept reply was about, for follow-ups in the same conversation. */
  private async remembered(r: Reply, question: string, who: Requester): Promise<Reply> {
    if (r.conceptId && (r.kind === 'answer' || r.kind === 'comparison')) await this.memory.remember(who, r.conceptId, question);
    return r;
  }

  private async handleAction(raw: string, who: Requester, text?: string): Promise<Reply> {
    const action = decodeAction(raw);
    if (!action) return noticeReply('Unknown button', 'That button is from an older version of me. Ask again and use the new one.');
    switch (action.type) {
      case 'explain':
      case 'share':
      case 'more':
      case 'example': {
        const concept = this.pack.byId.get(action.conceptId);
        if (!concept) return noticeReply('Topic removed', `I no longer have a topic called "${action.conceptId}". Try \`${commandText(who.platform, 'topics')}\`.`);
        const r = action.type === 'more' ? moreReply(concept, this.pack) : action.type === 'example' ? exampleReply(concept, this.pack) : firstAnswer(concept, this.pack);
        if (action.type === 'share') {
          r.audience = 'channel';
          delete r.share;
          delete r.feedback;
        }
        // A related topic picked from an answer's menu continues that message.
        if (action.type === 'explain') r.inPlace = true;
        if (action.type === 'share') return r;
        // Explain more / an example keep the question that led here; a new topic is its own.
        const state = action.type === 'explain' ? undefined : await this.memory.recall(who);
        return this.remembered(r, state?.conceptId === concept.id ? state.question : concept.title, who);
      }
      case 'share-leaderboard': {
        const r = await this.quiz.leaderboard(action.period, who);
        if (r.kind !== 'leaderboard') return r;
        r.audience = 'channel';
        delete r.share;
        return r;
      }
      case 'quiz-concept':
        return this.quiz.practiceConcept(action.conceptId, who);
      case 'feedback':
      case 'feedback-note':
        return handleFeedback(action, text ?? '', who, { pack: this.pack, memory: this.memory, sink: this.options.feedback });
      case 'practice-answer':
      case 'post-answer':
        return this.quiz.answer(action, who);
      case 'next-practice':
        return { ...(await this.quiz.practice(who)), inPlace: true };
      case 'review':
        return this.quiz.review(who);
      case 'stop-reminders':
        return this.reminders ? this.reminders.stop(who) : noticeReply('Reminders', 'Reminders are not available here.');
      case 'topics':
        return { ...(await this.runCommand('topics', { text: String(action.page) }, who)), inPlace: true };
    }
  }

  /** Answer a free-text question: the best concept, or an honest "don't know" with suggestions. */
  async answerQuestion(text: string, who: Requester): Promise<Reply> {
    const result = this.matcher.match(text);
    if (result.query.smallTalk || (result.terms.length === 0 && !result.query.text)) {
      return this.help(who);
    }
    const long = String(text).length > MAX_QUESTION_CHARS;
    let reply: Reply;
    if (result.best) {
      reply = await this.remembered(firstAnswer(this.pack.byId.get(result.best.conceptId)!, this.pack, { question: text, suggestions: result.suggestions }), text, who);
    } else {
      this.options.onUnmatched?.(result.query.text, who);
      reply = noMatchReply(result.query.text, result.suggestions, who.platform);
    }
    if (long) reply.paragraphs.unshift(`_That was a long message; I read the first ${MAX_QUESTION_CHARS} characters._`);
    return reply;
  }

  /** The first answer about a concept, remembered as what this conversation is about. */
  async conceptAnswer(concept: Concept, question: string, who: Requester, suggestions: readonly ConceptHit[] = []): Promise<Reply> {
    return this.remembered(firstAnswer(concept, this.pack, { question, suggestions }), question, who);
  }

  match(text: string): MatchResult {
    return this.matcher.match(text);
  }

  /** Find a concept by (possibly misspelt) name: the matcher first, then fuzzy names. */
  lookupConcept(name: string): { concept?: Concept; suggestions: ConceptHit[] } {
    const result = this.matcher.match(name);
    if (result.best) return { concept: this.pack.byId.get(result.best.conceptId)!, suggestions: result.suggestions };
    const hits = this.names.search(name.slice(0, 32), { limit: 4 });
    const top = hits[0];
    if (top && (top.score ?? 1) < 0.2) return { concept: this.pack.byId.get(top.item.id)!, suggestions: result.suggestions };
    const fromNames = hits.map((h) => this.pack.byId.get(h.item.id)!).map((c) => ({ conceptId: c.id, title: c.title, confidence: 0 }));
    const merged = dedupeHits([...result.suggestions, ...fromNames]).slice(0, 3);
    return { suggestions: merged };
  }

  /** Autocomplete: up to `limit` concepts whose title or alias fuzzily matches what was typed so far. */
  completeConcept(partial: string, limit = 25): { id: string; title: string }[] {
    const q = String(partial ?? '')
      .trim()
      .toLowerCase()
      .slice(0, 32);
    const byTitle = [...this.pack.concepts].sort((a, b) => a.title.localeCompare(b.title));
    if (!q) return byTitle.slice(0, limit).map((c) => ({ id: c.id, title: c.title }));
    const seen = new Set<string>();
    const out: { id: string; title: string }[] = [];
    const add = (c: Concept) => {
      if (seen.has(c.id) || out.length >= limit) return;
      seen.add(c.id);
      out.push({ id: c.id, title: c.title });
    };
    // Prefix matches read as "it knows what I'm typing", so they go first.
    for (const c of byTitle) if (c.title.toLowerCase().startsWith(q) || c.id.startsWith(q)) add(c);
    for (const h of this.names.search(q, { limit: limit * 3 })) add(this.pack.byId.get(h.item.id)!);
    return out;
  }

  starterActions(): ReplyAction[] {
    const ids = this.options.starters ?? DEFAULT_STARTERS;
    return ids
      .map((id) => this.pack.byId.get(id))
      .filter((c): c is Concept => !!c)
      .map(explainAction);
  }

  get commandNames(): string[] {
    return this.commands.map((c) => c.name);
  }
}

function dedupeHits(hits: ConceptHit[]): ConceptHit[] {
  const seen = new Set<string>();
  return hits.filter((h) => {
    if (seen.has(h.conceptId)) return false;
    seen.add(h.conceptId);
    return true;
  });
}
