// The 16 release-gate questions of the decision tests, answered by Cedar (@cedar-policy/cedar-wasm)
// from the policies in gate.cedar. Checks every answer against questions.json (the answers Treaty
// gives), then, unless --check, measures decisions per second on one thread.
//
//   node bench/peers/gate.mjs [--check] [--seconds N]      (run from the repository root)
//
// Prints one JSON line: {"engine":"cedar", "decisions", "seconds", "decisionsPerSecond", ...}.
// Exit 0 when all answers agree, 2 when one differs or the policies do not parse.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import * as cedar from '@cedar-policy/cedar-wasm/nodejs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const args = process.argv.slice(2);
const checkOnly = args.includes('--check');
const seconds = Number(args[args.indexOf('--seconds') + 1] ?? 10) || 10;

const suite = JSON.parse(readFileSync(join(here, 'questions.json'), 'utf8'));
const policies = readFileSync(join(here, 'gate.cedar'), 'utf8');

const parsed = cedar.preparsePolicySet('gate', { staticPolicies: policies });
if (parsed.type !== 'success') fail(`gate.cedar does not parse: ${JSON.stringify(parsed.errors)}`);

const datetime = (day) => ({ __extn: { fn: 'datetime', arg: day } });
const duration = (text) => ({ __extn: { fn: 'duration', arg: text } });

function readEvents(path) {
  return readFileSync(join(root, path), 'utf8').split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line));
}

// The facts Treaty reads from events.jsonl, digested into entity attributes once, before timing:
// this is work Treaty does on every decision and Cedar's caller does here for free.
function entitiesFor(extraEvents) {
  const events = readEvents(suite.events).concat(extraEvents ? readEvents(extraEvents) : []);
  const partnership = {
    uid: { type: 'Partnership', id: 'msft-openai' },
    attrs: {
      // assumptions.treaty.md
      capabilityResponseWindow: duration('30d'),
      capabilitySilence: 'decline',
      azureFirstCoversNonApi: true,
      azureFirstCoversConsumerHardware: false,
      nationalSecurityCarveOutSurvives: true,
    },
    parents: [],
  };
  const products = new Map();
  const requests = new Map();
  for (const event of events) {
    if (event.type === 'product') {
      products.set(event.name, {
        uid: { type: 'Product', id: event.name },
        attrs: { kind: event.kind, partnership: { __entity: partnership.uid } },
        parents: [partnership.uid],
      });
    }
  }
  for (const event of events) {
    const product = products.get(event.product)?.attrs;
    if (event.type === 'release' && event.cloud === 'azure') {
      if (!product.azureReleaseOn || event.on < product.azureReleaseOn.__extn.arg) product.azureReleaseOn = datetime(event.on);
    } else if (event.type === 'capability-request') {
      product.capabilityRequestOn = datetime(event.on);
      requests.set(event.id, product);
    } else if (event.type === 'capability-response') {
      requests.get(event.request).capabilityAnswer = { answer: event.answer, on: datetime(event.on) };
    } else if (event.type === 'verification' && event.event === 'agi') {
      partnership.attrs.agiVerifiedOn = datetime(event.on);
    }
  }
  return { partnership, products };
}

const world = entitiesFor(null);
const calls = suite.questions.map((question) => {
  const { partnership, products } = question.extraEvents ? entitiesFor(question.extraEvents) : world;
  const product = products.get(question.product);
  if (!product) fail(`no product ${question.product} in the events`);
  return {
    question,
    call: {
      principal: { type: 'Party', id: 'OpenAI' },
      action: { type: 'Action', id: 'ship' },
      resource: product.uid,
      context: { on: datetime(question.on), cloud: question.cloud, segment: question.segment ?? '' },
      preparsedPolicySetId: 'gate',
      entities: [product, partnership],
    },
  };
});

let disagreements = 0;
for (const { question, call } of calls) {
  const answer = cedar.statefulIsAuthorized(call);
  if (answer.type !== 'success') fail(`Cedar failed on ${describe(question)}: ${JSON.stringify(answer.errors)}`);
  const got = answer.response.decision === 'allow' ? 'ALLOWED' : 'DENIED';
  if (answer.response.diagnostics.errors.length) fail(`Cedar reported errors on ${describe(question)}: ${JSON.stringify(answer.response.diagnostics.errors)}`);
  if (got !== question.answer) {
    disagreements++;
    console.error(`differs: ${describe(question)}: Cedar ${got}, Treaty ${question.answer} (policies ${answer.response.diagnostics.reason.join(', ')})`);
  }
}
if (disagreements) fail(`${disagreements} of ${calls.length} answers differ from Treaty's`);

const result = { engine: 'cedar', version: cedar.getCedarVersion(), questions: calls.length, agree: calls.length };
if (!checkOnly) {
  // Warm up, then time whole rounds of the 16 questions for the given number of seconds.
  const round = () => { for (const { call } of calls) cedar.statefulIsAuthorized(call); };
  const warmUntil = performance.now() + Math.min(3, seconds) * 1000;
  while (performance.now() < warmUntil) round();
  let rounds = 0;
  const start = performance.now();
  const stop = start + seconds * 1000;
  let now = start;
  while (now < stop) {
    for (let i = 0; i < 100; i++) round();
    rounds += 100;
    now = performance.now();
  }
  const elapsed = (now - start) / 1000;
  Object.assign(result, {
    decisions: rounds * calls.length,
    seconds: Number(elapsed.toFixed(3)),
    decisionsPerSecond: Math.round((rounds * calls.length) / elapsed),
  });
}
console.log(JSON.stringify(result));

function describe(q) {
  return `${q.product} on ${q.cloud}${q.segment ? ` (${q.segment})` : ''} on ${q.on}${q.extraEvents ? ' with ' + q.extraEvents : ''}`;
}

function fail(message) {
  console.error(`gate.mjs: ${message}`);
  process.exit(2);
}
