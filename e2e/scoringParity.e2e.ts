/**
 * The same answers are scored identically by the server and by the web app as
 * shipped (issue 4). Many answer sets for every instrument are stored through
 * the API and read back; then the phone's own code scores the same sets inside
 * the browser: the scoring function is taken from the built bundle (dist/web)
 * as the app loaded it, and the definitions from the bundle's own registry, so
 * a difference in the bundle's build of the engine or its definitions fails here.
 *
 * How the bundle's scoring function is reached: it is not exported under its
 * name (minified, maybe not exported at all), so the DevTools protocol pauses
 * the chunk that holds it while it is first evaluated, finds the one function
 * in its module scope that returns `{ ok: true, scored }` / `{ ok: false, errors }`,
 * and hands it to the page as a global. Nothing in the app is changed for this.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InstrumentDefinition, instruments } from '../src/core/instruments/index.ts';
import { type AnswerSet, randomAnswers, seededRandom } from '../src/core/instruments/testSupport.ts';
import type { RunningServer } from '../tests/support/server.ts';
import { openStage, type Stage } from './support/stage.ts';

const ADMIN_PASSWORD = 'e2e-operator-password';
const ASSETS = 'dist/web/assets';
/** Random valid answer sets per instrument; a few broken ones are added to each. */
const SETS_PER_INSTRUMENT = 40;

/** The built chunk that holds a string only the given module has. */
function chunkWith(marker: string): string {
  const files = readdirSync(ASSETS).filter(
    (f) => f.endsWith('.js') && readFileSync(join(ASSETS, f), 'utf8').includes(marker),
  );
  expect(files, `exactly one built chunk holds "${marker}" (run npm run build:web)`).toHaveLength(1);
  return files[0]!;
}

interface Case {
  key: string;
  code: string;
  version: number;
  answers: Record<string, unknown>;
  /** For broken sets: the items the server named. */
  refused?: string[];
  /** For stored sets: what the server stored. */
  stored?: Record<string, unknown>;
}

/** Valid random sets, and broken ones: an unknown item, a value no option has, a required item left out. */
function casesFor(definition: InstrumentDefinition, seed: number): Case[] {
  const random = seededRandom(seed);
  const base = { code: definition.code, version: definition.version };
  const cases: Case[] = [];
  for (let i = 0; i < SETS_PER_INSTRUMENT; i++) {
    cases.push({ ...base, key: `${definition.code}#${i}`, answers: randomAnswers(definition, random) });
  }
  const valid = randomAnswers(definition, random);
  const required = definition.items.find((item) => item.required && !item.showWhen);
  const choice = definition.items.find((item) => item.kind === 'choice');
  const broken: [string, AnswerSet | Record<string, unknown>][] = [['unknown', { ...valid, ZZ9: 1 }]];
  if (choice) broken.push(['not-an-option', { ...valid, [choice.code]: 99 }]);
  if (required) {
    const { [required.code]: _, ...rest } = valid;
    broken.push(['missing', rest]);
  }
  for (const [name, answers] of broken) cases.push({ ...base, key: `${definition.code}!${name}`, answers });
  return cases;
}

interface Session {
  cookie: string;
  csrfToken: string;
}

async function login(url: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('toemsuk_session='))!;
  return { cookie, csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken };
}

async function api(url: string, s: Session, method: string, path: string, body?: unknown) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/**
 * Pauses the chunk holding the engine when it is evaluated, and exposes its
 * scoring function as `globalThis.__bundleScore`. Before any script runs the
 * debugger stops (an instrumentation breakpoint); for the engine's chunk a
 * breakpoint goes on the first statement of its module body, where the
 * module scope, with every function of the chunk, is in reach.
 */
async function exposeBundleScoring(cdp: CDPSession, chunk: string): Promise<string[]> {
  const found: string[] = [];
  const chunkScripts = new Set<string>();
  cdp.on('Debugger.paused', async (event) => {
    try {
      if (event.reason === 'instrumentation') {
        const data = event.data as { scriptId?: string; url?: string } | undefined;
        if (!data?.scriptId || !data.url?.endsWith(`/assets/${chunk}`)) return;
        chunkScripts.add(data.scriptId);
        const start = { scriptId: data.scriptId, lineNumber: 0, columnNumber: 0 };
        const { locations } = await cdp.send('Debugger.getPossibleBreakpoints', {
          start,
          restrictToFunction: true,
        });
        if (locations[0]) await cdp.send('Debugger.setBreakpoint', { location: locations[0] });
        return;
      }
      const frame = event.callFrames[0]!;
      if (!chunkScripts.has(frame.location.scriptId)) return;
      const scope = frame.scopeChain.find((s) => s.type === 'module');
      if (!scope?.object.objectId) return;
      const { result } = await cdp.send('Runtime.getProperties', {
        objectId: scope.object.objectId,
        ownProperties: true,
      });
      const scoring = result.filter((p) => {
        const source = p.value?.type === 'function' ? (p.value.description ?? '') : '';
        return (
          /\bok:(!0|true)\b/.test(source) && /\bok:(!1|false)\b/.test(source) && /\bscored:/.test(source)
        );
      });
      found.push(...scoring.map((p) => p.name));
      if (scoring.length === 1) {
        await cdp.send('Debugger.evaluateOnCallFrame', {
          callFrameId: frame.callFrameId,
          expression: `globalThis.__bundleScore = ${scoring[0]!.name}`,
        });
      }
    } finally {
      await cdp.send('Debugger.resume').catch(() => undefined);
    }
  });
  await cdp.send('Debugger.enable');
  await cdp.send('Debugger.setInstrumentationBreakpoint', { instrumentation: 'beforeScriptExecution' });
  return found;
}

describe.each(['pglite', 'postgres'] as const)('scoring parity, server and web bundle, on %s', (kind) => {
  let server: RunningServer;
  let browser: Browser;
  let stage: Stage | undefined;

  beforeAll(async () => {
    stage = await openStage(kind, kind === 'pglite' ? 3731 : 3732, ADMIN_PASSWORD);
    ({ server, browser } = stage);
  });

  afterAll(() => stage?.close());

  it('every instrument: the bundle scores as the server stored, and refuses what the server refused', async () => {
    const printed = /demo\.admin\s+(\S+)/.exec(server.output());
    expect(printed, 'demo accounts are printed at first start').not.toBeNull();
    const session = await login(server.url, 'demo.admin', printed![1]!);
    const people = await api(server.url, session, 'GET', '/api/v1/persons?limit=1');
    const personId = (people.body.items as { id: string }[])[0]!.id;

    // The server: each set sent as a phone sends it, and what was stored read back.
    const cases = instruments.flatMap((d, i) => casesFor(d, 4000 + i));
    for (const c of cases) {
      const sent = await api(server.url, session, 'POST', `/api/v1/persons/${personId}/screenings`, {
        instrument: c.code,
        takenAt: new Date(Date.now() - 60_000).toISOString(),
        clientId: randomUUID(),
        answers: c.answers,
      });
      if (sent.status === 201) {
        const read = await api(server.url, session, 'GET', `/api/v1/screenings/${sent.body.id as string}`);
        expect(read.status).toBe(200);
        c.stored = read.body;
      } else {
        expect(sent.status, `${c.key}: ${JSON.stringify(sent.body)}`).toBe(400);
        c.refused = (sent.body.errors as { path: string }[]).map((e) => e.path.replace(/^answers\./, ''));
      }
    }
    // Every random set is valid, every broken one refused.
    for (const c of cases) expect(c.stored !== undefined, c.key).toBe(!c.key.includes('!'));

    // The bundle, as the app loads it.
    const scoringChunk = chunkWith('Unknown derived score');
    const registryChunk = chunkWith('is published twice');
    const context = await browser.newContext();
    await context.addCookies([
      { name: 'toemsuk_session', value: session.cookie.slice('toemsuk_session='.length), url: server.url },
    ]);
    const page: Page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const found = await exposeBundleScoring(cdp, scoringChunk);
    await page.goto(`${server.url}/persons/${personId}/screen/wellbeing20`, {
      waitUntil: 'domcontentloaded',
    });
    await page.waitForFunction(
      () => typeof (globalThis as { __bundleScore?: unknown }).__bundleScore === 'function',
    );
    expect(new Set(found).size, `one scoring function in ${scoringChunk}: ${found.join(', ')}`).toBe(1);
    await cdp.send('Debugger.disable');

    // The registry chunk as the app loaded it (same URL, same module). A string, so the test runner leaves import() be.
    await page.evaluate(
      `import(${JSON.stringify(`/assets/${registryChunk}`)}).then((m) => { globalThis.__bundleRegistry = m; })`,
    );
    const bundle = await page.evaluate(
      ({ sets }) => {
        const g = globalThis as unknown as {
          __bundleScore: (
            definition: unknown,
            answers: unknown,
          ) => {
            ok: boolean;
            scored?: unknown;
            errors?: { item: string }[];
          };
        };
        const registry = (globalThis as unknown as { __bundleRegistry: Record<string, unknown> })
          .__bundleRegistry;
        // The registry's list of current definitions, found by its shape among the chunk's (minified) exports.
        const lists = Object.values(registry).filter(
          (v): v is { code: string; version: number; scoring: unknown }[] =>
            Array.isArray(v) &&
            v.length > 0 &&
            v.every((d) => d && typeof d.code === 'string' && typeof d.version === 'number' && d.scoring),
        );
        if (lists.length !== 1) throw new Error(`${lists.length} definition lists in the registry chunk`);
        const definitions = lists[0]!;
        return {
          definitions: definitions.map((d) => JSON.parse(JSON.stringify(d))),
          outcomes: sets.map((s) => {
            const definition = definitions.find((d) => d.code === s.code && d.version === s.version);
            if (!definition) throw new Error(`the bundle has no ${s.code} v${s.version}`);
            return g.__bundleScore(definition, s.answers);
          }),
        };
      },
      {
        sets: cases.map((c) => ({ code: c.code, version: c.version, answers: c.answers })),
      },
    );
    await context.close();

    // The bundle's definitions are the server's, version for version.
    expect(bundle.definitions.map((d: { code: string }) => d.code)).toEqual(instruments.map((d) => d.code));
    for (const d of bundle.definitions as { code: string; version: number }[]) {
      const served = await api(
        server.url,
        session,
        'GET',
        `/api/v1/instruments/${d.code}?version=${d.version}`,
      );
      expect(d, `${d.code} v${d.version}`).toEqual(served.body);
    }

    let compared = 0;
    for (const [i, c] of cases.entries()) {
      const outcome = bundle.outcomes[i]!;
      if (c.stored) {
        expect(outcome.ok, c.key).toBe(true);
        const { scores, levels, results, flags, followUps } = c.stored;
        expect(outcome.scored, c.key).toEqual({ scores, levels, results, flags, followUps });
        compared += 1;
      } else {
        expect(outcome.ok, c.key).toBe(false);
        expect([...new Set(outcome.errors!.map((e) => e.item))].sort(), c.key).toEqual(
          [...new Set(c.refused)].sort(),
        );
      }
    }
    expect(compared).toBe(instruments.length * SETS_PER_INSTRUMENT);
  }, 300_000);
});
