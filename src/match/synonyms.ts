/**
 * Word-sequence rewrites applied to both questions and index phrases, so that different ways of
 * saying the same thing land on one token. Comparisons all become "vs" so that "X vs Y",
 * "difference between X and Y" and "compare X with Y" prefer the comparison entries.
 */
const RULES: Array<[string[], string[]]> = [
  [['virtual', 'machines'], ['vm']],
  [['virtual', 'machine'], ['vm']],
  [['vms'], ['vm']],
  [['versus'], ['vs']],
  [['or'], ['vs']],
  [['same', 'as'], ['vs']],
  [['compared'], ['vs']],
  [['compare'], ['vs']],
  [['comparison'], ['vs']],
  [['difference'], ['vs']],
  [['differences'], ['vs']],
  [['different'], ['vs']],
  [['differ'], ['vs']],
  [['diff'], ['vs']],
  [['better', 'than'], ['vs']],
  [['worse', 'than'], ['vs']],
  [['mixing', 'up'], ['vs']],
  [['mix', 'up'], ['vs']],
  [['mixed', 'up'], ['vs']],
  // Time words that read as topic words ("right" is not about rights).
  [['right', 'away'], []],
  [['right', 'now'], []],
  [['spin', 'up'], ['start']],
  [['fire', 'up'], ['start']],
  [['come', 'back', 'up'], ['restart']],
  [['k8s'], ['kubernetes']],
  // "What kind of X is Y" asks for its type (a bare "kind of" is often just "somewhat").
  [
    ['what', 'kind', 'of'],
    ['what', 'type', 'of'],
  ],
  [
    ['which', 'kind', 'of'],
    ['which', 'type', 'of'],
  ],
  [
    ['what', 'sort', 'of'],
    ['what', 'type', 'of'],
  ],
  // Resolver errors as programs print them ("getaddrinfo ENOTFOUND db", "EAI_AGAIN") say a name did not resolve.
  [['getaddrinfo'], ['resolve']],
  [['enotfound'], ['resolve']],
  [['eai', 'again'], ['resolve']],
  [['nxdomain'], ['resolve']],
  // Only "env var": a bare "var" is more often a path (/var/run/docker.sock).
  [
    ['env', 'var'],
    ['environment', 'variable'],
  ],
  [['env'], ['environment']],
  [['vars'], ['variable']],
  [['containers'], ['container']],
  [['dockerfiles'], ['dockerfile']],
  [['hyper', 'v'], ['hyperv']],
  [['type1'], ['type', '1']],
  [['type2'], ['type', '2']],
  [
    ['type', 'one'],
    ['type', '1'],
  ],
  [
    ['type', 'two'],
    ['type', '2'],
  ],
  [
    ['type', 'i'],
    ['type', '1'],
  ],
  [
    ['type', 'ii'],
    ['type', '2'],
  ],
];

/** Rules by their first word, so each word is checked against only the rules that can start there. */
const BY_FIRST = new Map<string, Array<[string[], string[]]>>();
for (const rule of RULES) {
  const list = BY_FIRST.get(rule[0][0]!);
  if (list) list.push(rule);
  else BY_FIRST.set(rule[0][0]!, [rule]);
}

export function applySynonyms(words: string[], rules: Map<string, Array<[string[], string[]]>> = BY_FIRST): string[] {
  const out: string[] = [];
  let i = 0;
  outer: while (i < words.length) {
    for (const [from, to] of rules.get(words[i]!) ?? []) {
      if (from.every((w, k) => words[i + k] === w)) {
        out.push(...to);
        i += from.length;
        continue outer;
      }
    }
    out.push(words[i]!);
    i++;
  }
  return out;
}

let stemmedRules: Map<string, Array<[string[], string[]]>> | null = null;

/**
 * The same rewrites over stemmed tokens, for words typo correction has just fixed ("virutal
 * machine" is corrected after the rewrites ran, so it would otherwise miss "vm").
 */
export function applyStemmedSynonyms(tokens: string[], stem: (word: string) => string): string[] {
  if (!stemmedRules) {
    stemmedRules = new Map();
    for (const [from, to] of RULES) {
      const rule: [string[], string[]] = [from.map(stem), to.map(stem)];
      const list = stemmedRules.get(rule[0][0]!);
      if (list) list.push(rule);
      else stemmedRules.set(rule[0][0]!, [rule]);
    }
  }
  return applySynonyms(tokens, stemmedRules);
}
