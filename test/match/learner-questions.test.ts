/**
 * The kinds of question learners ask that a name-only matcher got wrong, each with questions
 * written for this test (not taken from any evaluation set), on the shipped pack.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContentOrThrow } from '../../src/content/load.ts';
import { Tutor } from '../../src/tutor.ts';

const pack = loadContentOrThrow(resolve(import.meta.dirname, '../../content'));
const matcher = new Tutor(pack).matcher;
const answer = (q: string) => matcher.match(q).best?.conceptId ?? null;

const answers = (cases: [string, string[]][]) =>
  it.each(cases)('%s', (q, ids) => {
    expect(ids).toContain(answer(q));
  });

describe('scenarios told with verbs', () => {
  answers([
    ['my uploads folder disappeared after I recreated the container', ['ephemeral-filesystem', 'volumes']],
    ['the files I created inside the container vanished after docker rm', ['ephemeral-filesystem', 'volumes']],
    ['changed a file on my host and the running container saw it instantly, why', ['bind-mounts']],
    ['my node image is 1.5 GB, how do I make it smaller', ['multi-stage-builds', 'base-image', 'image-layers']],
    ['why is my docker image so huge', ['multi-stage-builds', 'base-image', 'image-layers', 'footprint']],
  ]);
});

describe('loose comparisons go to the comparison entry', () => {
  answers([
    ['I keep mixing up images and containers', ['image-vs-container']],
    ['cmd or entrypoint, which one should my dockerfile use', ['cmd-vs-entrypoint']],
    ['docker or a vm for running one small web app', ['docker-vs-vm']],
    ['I always confuse docker stop and docker kill, which one is graceful', ['docker-stop-rm']],
  ]);
});

describe('classification questions go to the entry that classifies the product', () => {
  answers([
    ['is virtualbox type 1 or type 2', ['hypervisor-type-2']],
    ['is vmware workstation type 1 or type 2', ['hypervisor-type-2']],
    ['is hyper-v a type 1 hypervisor', ['hypervisor-type-1']],
    ['is proxmox a type 1 hypervisor', ['hypervisor-type-1']],
  ]);
  it('with no product named, the comparison itself answers', () => {
    expect(answer('type 1 or type 2 hypervisor')).toBe('hypervisor-types');
  });
  it('a word no entry names is not taken for the product', () => {
    expect(answer('an overview of type 1 versus type 2 hypervisors please')).toBe('hypervisor-types');
    expect(answer('the diffrence of type 1 and type 2 hypervisor?')).toBe('hypervisor-types');
    // "keep" is a name word of volumes ("keep my data"), whose names also say "mount type".
    expect(answer('I always keep confusing type 1 and type 2 hypervisors')).toBe('hypervisor-types');
  });
});

describe('pasted error output', () => {
  answers([
    ['Bind for 0.0.0.0:8080 failed: port is already allocated', ['port-mapping']],
    ['Error starting userland proxy: listen tcp4 0.0.0.0:5432: bind: address already in use', ['port-mapping']],
    ['Error response from daemon: You cannot remove a running container 3f2a. Stop the container before attempting removal or force remove', ['docker-stop-rm']],
    ['Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?', ['docker-daemon']],
    ['permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock', ['docker-daemon']],
    ['=> => transferring context: 3.2GB 95.1s', ['dockerignore', 'docker-build']],
  ]);
});

describe('a typo in the one word that carries the question', () => {
  answers([
    ['volumme', ['volumes']],
    ['dokcer compose', ['docker-compose']],
    ['namspaces', ['namespaces']],
    ['kubernets', ['container-orchestration']],
    ['hypervsor', ['hypervisor']],
    ['bind mout', ['bind-mounts']],
  ]);
});

describe('"how do I see / where is" questions about everyday commands', () => {
  answers([
    ['where can I read the output of my crashed container', ['docker-logs']],
    ['where do I find the output my container wrote to stdout', ['docker-logs']],
    ['how do I list the networks docker made', ['docker-networks']],
    ['how do I see all containers including stopped ones', ['docker-ps']],
  ]);
});

describe('near-miss off-topic questions get no answer', () => {
  it.each([
    'how do I flatten layers in photoshop',
    'best brush for photoshop noise reduction',
    'what is the speed of light in a vacuum',
    'which isolation level does postgres use by default',
    'how much does a 40 foot shipping container cost',
    'where can I buy cheap plastic food containers',
    'turn the volume down on my mac',
    'what volume should my bluetooth speaker be at',
    'how do I tune the JVM heap size for a spring app',
    'what time is it in Tokyo',
    'can you tell me a joke',
    'what is love',
  ])('%s', (q) => {
    expect(matcher.match(q).best).toBeNull();
  });
});

describe('long messages with context before the question', () => {
  answers([
    ['Here is my compose file line: ports: - "8080:80". When I open localhost:80 nothing loads. What am I doing wrong?', ['port-mapping']],
    ['We have a Jenkins box that builds our app. The build step copies the whole repo, 4 GB with node_modules, and it is slow. How do I keep those files out of the build?', ['dockerignore']],
    [
      "Our security team is worried. They say containers on one host can see each other's processes if something goes wrong. How strong is the isolation compared to VMs?",
      ['isolation', 'docker-vs-vm'],
    ],
  ]);
});

describe('suggestions', () => {
  // "restarted my laptop" reads partly as a container restart policy, so the tutor is unsure; it
  // must then offer the entry that explains the lost data rather than answer the wrong one.
  it('an unsure answer offers the right concept as a suggestion (a laptop restart is not a restart policy)', () => {
    const r = matcher.match('I am new here and my mentor said to run postgres in docker. After I restarted my laptop the database was empty. What did I do wrong?');
    expect(r.best).toBeNull();
    expect(r.suggestions.map((h) => h.conceptId)).toContain('volumes');
  });

  it('suggestions stay on the topic of the question', () => {
    const r = matcher.match('how do I make my data survive');
    const offered = [r.best?.conceptId, ...r.suggestions.map((h) => h.conceptId)];
    expect(offered).toContain('volumes');
    expect(offered.some((id) => id?.startsWith('hypervisor'))).toBe(false);
  });

  it('beside an answer, only close runners-up are suggested', () => {
    const r = matcher.match('bind mout');
    expect(r.best?.conceptId).toBe('bind-mounts');
    for (const h of r.suggestions) expect(h.confidence).toBeGreaterThanOrEqual(0.6 * r.best!.confidence);
  });

  it('an out-of-scope phrasing closer than any concept turns an answer into no answer', () => {
    // "layers" alone would be image layers; the rest of the question is photo editing.
    expect(answer('image layers')).toBe('image-layers');
    expect(answer('how do I merge two layers in gimp')).toBeNull();
  });
});
