import type { Actor } from '../src/core/policy/index.ts';
import type { Role } from '../src/core/schemas/user.ts';
import { prefixEnd } from '../src/server/modules/persons/repo.ts';
import type { PersonQuery } from '../src/server/modules/persons/service.ts';
import { DEFAULT_AS_OF } from './generate/population.ts';
import { loadReferenceAreas } from './generate/reference.ts';
import { type Benchmark, type BenchReport, errorMessage } from './lib/benchmark.ts';
import {
  captureListQueries,
  type ExplainedQuery,
  explainAnalyze,
  keyPlanLines,
  searchStatements,
} from './lib/explain.ts';
import {
  addBenchUser,
  type BenchDatabase,
  installationVault,
  loginSession,
  openBenchDatabase,
  tableSizes,
  userId,
} from './lib/installation.ts';
import type { DatabaseKind } from './lib/options.ts';
import { loadRegistry, type RegistryLoadResult, type RegistrySamples } from './lib/registryData.ts';
import { runSequential, type SequentialResult } from './lib/sequential.ts';
import { type RunningServer, startServer } from './lib/server.ts';
import { percentile, round } from './lib/stats.ts';
import type { Table } from './lib/table.ts';
import { freshTarget, type Target } from './lib/target.ts';

/** The goal of issue 3: search answers within 50 ms at the 95th percentile, 1,000,000 people, PostgreSQL. */
const GOAL_P95_MS = 50;
const SEED = 1;
/** ป่าขาด, Singhanakhon: the subdistrict the scoped user works in. */
const SUBDISTRICT = '901508';
const DISTRICT = '9015';

interface Scale {
  /** Where the people live: Songkhla province on PostgreSQL (127 subdistricts), the demo district on PGlite. */
  areaCode: string;
  people: number;
}

function scaleFor(database: DatabaseKind, quick: boolean): Scale {
  if (database === 'postgres') return { areaCode: '90', people: quick ? 50_000 : 1_000_000 };
  return { areaCode: DISTRICT, people: quick ? 10_000 : 50_000 };
}

type UserKey = 'subdistrict' | 'district' | 'operator';
interface BenchUser {
  key: UserKey;
  label: string;
  username: string;
  password: string;
  roles: Role[];
  areaCodes: string[];
}

const USERS: readonly Omit<BenchUser, 'password'>[] = [
  {
    key: 'subdistrict',
    label: `area admin, subdistrict ${SUBDISTRICT}`,
    username: 'bench-subdistrict',
    roles: ['area_admin'],
    areaCodes: [SUBDISTRICT],
  },
  {
    key: 'district',
    label: `social worker, district ${DISTRICT}`,
    username: 'bench-district',
    roles: ['social_worker'],
    areaCodes: [DISTRICT],
  },
  { key: 'operator', label: 'operator (all areas)', username: '', roles: ['operator'], areaCodes: [] },
];

interface SearchCase {
  key: string;
  label: string;
  /** Query string of request `i`; `previous` is the body of the request before it. */
  query(i: number, samples: RegistrySamples, previous: unknown): Record<string, string>;
}

const PAGES_PER_WALK = 20;

const CASES: readonly SearchCase[] = [
  {
    key: 'name',
    label: 'q=<given name> <surname>',
    query: (i, s) => {
      const p = s.people[i % s.people.length]!;
      return { q: `${p.firstName} ${p.lastName}` };
    },
  },
  {
    key: 'name-typo',
    label: 'q=<given name> <surname with a typo>',
    query: (i, s) => {
      const p = s.people[i % s.people.length]!;
      return { q: `${p.firstName} ${withTypo(p.lastName)}` };
    },
  },
  {
    key: 'given',
    label: 'q=<given name> (one word)',
    query: (i, s) => ({ q: s.people[i % s.people.length]!.firstName }),
  },
  {
    key: 'given-typo',
    label: 'q=<given name with a typo> (one word, no exact match)',
    query: (i, s) => ({ q: withTypo(s.people[i % s.people.length]!.firstName) }),
  },
  {
    key: 'id',
    label: 'q=<13-digit national ID>',
    query: (i, s) => ({ q: s.people[i % s.people.length]!.nationalId }),
  },
  {
    key: 'phone',
    label: 'q=<mobile number>',
    query: (i, s) => {
      const phones = s.people.filter((p) => p.phone !== null);
      return { q: phones[i % phones.length]!.phone! };
    },
  },
  {
    key: 'village-elderly',
    label: 'area=<village>&vulnerability=elderly',
    query: (i, s) => ({ area: s.villages[i % s.villages.length]!, vulnerability: 'elderly' }),
  },
  { key: 'age-sex', label: 'ageMin=60&sex=female', query: () => ({ ageMin: '60', sex: 'female' }) },
  {
    key: 'list',
    label: `list, following nextCursor (${PAGES_PER_WALK} pages, again)`,
    query: (i, _s, previous): Record<string, string> => {
      const next = (previous as { nextCursor?: string | null } | null)?.nextCursor;
      return i % PAGES_PER_WALK !== 0 && next ? { cursor: next } : {};
    },
  },
];

/** `committed`: the migrations as they are; `proposed`: with PROPOSED_INDEXES added on the same database. */
type Phase = 'committed' | 'proposed';

interface CaseSample {
  database: DatabaseKind;
  phase: Phase;
  user: UserKey;
  case: string;
  result: SequentialResult;
  /**
   * The search statements of the first few requests of this case, EXPLAIN ANALYZEd: one per request,
   * two when no one has the name exactly and the typo-tolerant search runs after the exact lookup.
   */
  explain: ExplainedQuery[][];
}

/**
 * Indexes not (yet) in the migrations, tried on the loaded database after the committed code is
 * measured; empty when there is nothing to propose.
 */
export const PROPOSED_INDEXES: readonly string[] = [];

/** Requests per case whose search statements are EXPLAIN ANALYZEd (after the HTTP measurement). */
const EXPLAINED = { quick: 3, full: 10 };

interface LoadSample extends Omit<RegistryLoadResult, 'samples'> {
  database: DatabaseKind;
  areaCode: string;
  sizes: Record<string, string>;
}

/**
 * Registry search latency through GET /api/v1/persons, one request at a time, for a subdistrict-scoped
 * area admin, a district-scoped social worker and the operator, on the committed code and migrations,
 * then EXPLAIN ANALYZE of the search statements of each case, captured from the module's own code;
 * then the same again with PROPOSED_INDEXES, if any.
 */
export const registrySearchBenchmark: Benchmark = {
  name: 'registry-search',
  description:
    'GET /api/v1/persons latency (sequential): 1,000,000 people on PostgreSQL, 50,000 on PGlite; EXPLAIN ANALYZE',
  async run(ctx): Promise<BenchReport> {
    const quick = ctx.options.quick;
    const warmup = quick ? 3 : 10;
    const count = quick ? 20 : 200;
    const loads: LoadSample[] = [];
    const samples: CaseSample[] = [];
    const failures: string[] = [];
    const areas = await loadReferenceAreas();

    for (const database of ctx.options.databases) {
      const scale = scaleFor(database, quick);
      const log = (m: string) => ctx.log(`registry-search: ${database}, ${m}`);
      let target: Target | null = null;
      let server: RunningServer | null = null;
      try {
        target = await freshTarget(database);
        log('creating the installation');
        await (await startServer(target.env)).stop();
        const vault = installationVault(target);
        const users: BenchUser[] = USERS.map((u) =>
          u.key === 'operator'
            ? { ...u, username: target!.env.adminUsername, password: target!.env.adminPassword }
            : { ...u, password: `bench-${u.key}-password` },
        );

        log(`loading ${scale.people.toLocaleString('en-US')} people under ${scale.areaCode}`);
        const actors = new Map<UserKey, Actor>();
        let loaded: RegistryLoadResult;
        {
          const db = await openBenchDatabase(target);
          try {
            loaded = await loadRegistry(db.sql, areas, vault, {
              areaCode: scale.areaCode,
              people: scale.people,
              seed: SEED,
              sampleSubdistrict: SUBDISTRICT,
              asOf: DEFAULT_AS_OF,
              log,
            });
            for (const u of users) {
              const id =
                u.key === 'operator' ? await userId(db.sql, u.username) : await addBenchUser(db.sql, u);
              actors.set(u.key, { userId: id, roles: u.roles, organizationId: null, areaCodes: u.areaCodes });
            }
            const { samples: _, ...figures } = loaded;
            loads.push({
              database,
              areaCode: scale.areaCode,
              ...figures,
              sizes: await tableSizes(db.sql, ['person', 'household', 'consent']),
            });
          } finally {
            await db.close();
          }
        }

        const measure = async (phase: Phase): Promise<void> => {
          server ??= await startServer(target!.env);
          const sessions = new Map<UserKey, string>();
          for (const u of users)
            sessions.set(u.key, (await loginSession(server.baseUrl, u.username, u.password)).cookie);
          const measured: CaseSample[] = [];
          for (const u of users) {
            for (const c of CASES) {
              log(`${phase}: ${u.key}, ${c.key} (${warmup} + ${count} requests)`);
              const result = await runSequential({
                url: (i, previous) =>
                  `${server!.baseUrl}/api/v1/persons?${new URLSearchParams(c.query(i, loaded.samples, previous))}`,
                headers: { cookie: sessions.get(u.key)! },
                warmup,
                count,
              });
              if (result.non2xx + result.errors > 0) {
                failures.push(
                  `registry-search on ${database} (${phase}, ${u.key}, ${c.key}): ${result.non2xx} non-2xx, ` +
                    `${result.errors} errors; first: ${result.firstError}`,
                );
              }
              measured.push({ database, phase, user: u.key, case: c.key, result, explain: [] });
            }
          }
          samples.push(...measured);
          // PGlite's directory can only be opened while its server is stopped; PostgreSQL takes a second client.
          if (database === 'pglite') {
            await server.stop();
            server = null;
          }
          const db = await openBenchDatabase(target!);
          try {
            log(`${phase}: EXPLAIN ANALYZE of each case`);
            const runs = quick ? EXPLAINED.quick : EXPLAINED.full;
            for (const s of measured) {
              const c = CASES.find((x) => x.key === s.case)!;
              const actor = actors.get(s.user)!;
              const second = await firstPage(db, actor);
              for (let i = 0; i < runs; i++) {
                // The second page of a walk for the cursor case: the first has no cursor to compare against.
                const query = toPersonQuery(c.query(s.case === 'list' ? 1 : i, loaded.samples, second));
                const statements = searchStatements(await captureListQueries(db.raw, vault, actor, query));
                if (statements.length === 0) throw new Error(`no search statement captured for ${s.case}`);
                const explained: ExplainedQuery[] = [];
                for (const statement of statements) explained.push(await explainAnalyze(db.sql, statement));
                s.explain.push(explained);
              }
            }
            if (phase === 'committed' && PROPOSED_INDEXES.length > 0) {
              log('creating the proposed indexes');
              for (const statement of PROPOSED_INDEXES) await db.sql.query(statement);
              await db.sql.query('analyze person');
            }
          } finally {
            await db.close();
          }
        };
        await measure('committed');
        if (PROPOSED_INDEXES.length > 0) await measure('proposed');
      } catch (err) {
        failures.push(`registry-search on ${database}: ${errorMessage(err)}`);
      } finally {
        // Set inside `measure`, which the compiler's narrowing does not follow.
        await (server as RunningServer | null)?.stop();
        await target?.dispose();
      }
    }
    return {
      tables: [loadTable(loads), ...latencyTables(samples), slowestPlanTable(samples)],
      failures,
      data: { loads, samples, proposedIndexes: PROPOSED_INDEXES },
    };
  },
};

/** The first page's body for the scoped actor, so that the cursor case explains a real second page. */
async function firstPage(db: BenchDatabase, actor: Actor): Promise<unknown> {
  const { rows } = await db.sql.query<{ last_name: string; first_name: string; id: string }>(
    `select last_name, first_name, id from person where merged_into is null ${scopeSql(actor.areaCodes)}
     order by last_name, first_name, id offset 49 limit 1`,
  );
  const last = rows[0];
  if (!last) return null;
  return {
    nextCursor: Buffer.from(JSON.stringify([last.last_name, last.first_name, last.id])).toString('base64url'),
  };
}

function toPersonQuery(params: Record<string, string>): PersonQuery {
  return {
    q: params.q,
    area: params.area,
    vulnerability: params.vulnerability,
    sex: params.sex,
    ageMin: params.ageMin === undefined ? undefined : Number(params.ageMin),
    limit: 50,
    cursor: params.cursor,
  };
}

/** The registry's scope condition for an actor's area codes, as SQL (codes are digits only), as the server writes it. */
function scopeSql(codes: readonly string[]): string {
  if (codes.length === 0) return '';
  const one = (code: string) => {
    if (!/^\d+$/.test(code)) throw new Error(`not an area code: ${code}`);
    if (code.length === 8) return `(area_code = '${code.slice(0, 6)}' and village_code = '${code}')`;
    if (code.length === 6) return `area_code = '${code}'`;
    const end = prefixEnd(code);
    return end === null ? `area_code >= '${code}'` : `(area_code >= '${code}' and area_code < '${end}')`;
  };
  return `and (${codes.map(one).join(' or ')})`;
}

/**
 * A one-letter typo a user makes: the last letter of the name swapped for another (ญ, or ณ if it was
 * ญ), so that no one has the name exactly and the typo-tolerant search has to find it.
 */
export function withTypo(name: string): string {
  const letters = [...name];
  letters[letters.length - 1] = letters[letters.length - 1] === 'ญ' ? 'ณ' : 'ญ';
  return letters.join('');
}

/** Database time of one request: its search statements together. */
function requestMs(statements: readonly ExplainedQuery[]): number {
  return statements.reduce((sum, q) => sum + q.executionMs, 0);
}

function loadTable(loads: readonly LoadSample[]): Table {
  return {
    title: 'Registry loaded for the search benchmark (INSERT … SELECT FROM unnest, 5,000 rows a statement)',
    columns: [
      'database',
      'area',
      'people',
      'households',
      'villages',
      'consents',
      'load s',
      'people/s',
      'of which generate+encrypt s',
      'person table',
      'consent table',
    ],
    rows: loads.map((l) => [
      l.database,
      l.areaCode,
      l.people,
      l.households,
      l.villages,
      l.consents,
      round(l.ms / 1000, 1),
      round(l.people / (l.ms / 1000)),
      round(l.prepareMs / 1000, 1),
      l.sizes.person ?? null,
      l.sizes.consent ?? null,
    ]),
    notes: [
      'indexes in place during the load (as an import would have them); VACUUM ANALYZE afterwards, included',
    ],
  };
}

function latencyTables(samples: readonly CaseSample[]): Table[] {
  const groups = [...new Set(samples.map((s) => `${s.database}|${s.phase}`))];
  return groups.map((group) => {
    const [database, phase] = group.split('|');
    return {
      title: `GET /api/v1/persons on ${database}, ${phase === 'committed' ? 'as committed' : 'with the proposed indexes'} (one request at a time)`,
      columns: [
        'user',
        'query',
        'requests',
        'items',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'max ms',
        'search SQL p50 ms',
        'search SQL max ms',
        'statements',
        `p95 < ${GOAL_P95_MS} ms`,
      ],
      rows: samples
        .filter((s) => s.database === database && s.phase === phase)
        .map((s) => {
          const sql = Float64Array.from(s.explain.map(requestMs)).sort();
          return [
            s.user,
            CASES.find((c) => c.key === s.case)?.label ?? s.case,
            s.result.requests,
            s.result.medianItems,
            round(s.result.latencyMs.p50, 1),
            round(s.result.latencyMs.p95, 1),
            round(s.result.latencyMs.p99, 1),
            round(s.result.latencyMs.max, 1),
            sql.length > 0 ? round(percentile(sql, 50), 1) : null,
            sql.length > 0 ? round(sql[sql.length - 1]!, 1) : null,
            [...new Set(s.explain.map((e) => e.length))].sort().join('/'),
            s.result.latencyMs.p95 < GOAL_P95_MS ? 'yes' : 'NO',
          ];
        }),
      notes: [
        'latency from sending the request to the last byte of the body; items: median items per page (limit 50)',
        `search SQL: EXPLAIN ANALYZE execution time of the search statements of the first ${EXPLAINED.full} ` +
          `requests of that case (${EXPLAINED.quick} with --quick), after the HTTP measurement; statements: ` +
          'per request (2 when no one has the name exactly and the typo-tolerant search runs after the exact lookup)',
      ],
    };
  });
}

function slowestPlanTable(samples: readonly CaseSample[]): Table {
  const rows: Table['rows'] = [];
  for (const database of new Set(samples.map((s) => s.database))) {
    const mine = samples.filter(
      (s) => s.database === database && s.phase === 'committed' && s.explain.length > 0,
    );
    if (mine.length === 0) continue;
    const worst = mine.reduce((a, b) => (b.result.latencyMs.p95 > a.result.latencyMs.p95 ? b : a));
    const request = worst.explain.reduce((a, b) => (requestMs(b) > requestMs(a) ? b : a));
    rows.push([database, `${worst.user}: ${worst.case}`, `p95 ${round(worst.result.latencyMs.p95, 1)} ms`]);
    for (const statement of request) {
      for (const line of keyPlanLines(statement.plan, 20)) rows.push(['', '', line]);
    }
  }
  return {
    title: 'EXPLAIN ANALYZE of the slowest case as committed (its slowest explained request)',
    columns: ['database', 'case', 'plan'],
    rows,
  };
}
