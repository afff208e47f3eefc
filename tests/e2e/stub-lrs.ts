import xapiValidation from '@learninglocker/xapi-validation';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contentType } from './lms-helpers.ts';

/**
 * A stand-in cmi5 LMS and Learning Record Store on 127.0.0.1 (a port the system picks): it serves a
 * cmi5 package's files, hands out launch addresses as an LMS does (fetch URL, registration, actor,
 * LMS.LaunchData), and takes statements and state documents as an LRS does. It checks what a real
 * one would refuse (no token, a fetch URL used twice, an xAPI version header missing, a statement
 * Learning Locker's validator rejects) and writes each refusal into `problems`.
 * No LRS that runs from the npm registry alone was found (see docs/lms.md), hence this stub.
 */
export interface StubLrs {
  origin: string;
  /** Statements as the LRS stored them, in arrival order. */
  statements: Record<string, unknown>[];
  /** Everything a real LMS or LRS would have refused. */
  problems: string[];
  /** How often a fetch URL was POSTed. */
  fetches: number;
  /** While true, POSTs of statements and PUTs of state answer 500. */
  down: boolean;
  /** A state document as stored, by state id. */
  state(stateId: string): string | undefined;
  /** A launch address for the package's first AU, as the LMS would open it. */
  launch(launchMode?: 'Normal' | 'Browse' | 'Review'): string;
  close(): Promise<void>;
}

// Learning Locker's validator is CommonJS with a default export.
const validate = ((xapiValidation as unknown as { default?: typeof xapiValidation }).default ??
  xapiValidation) as typeof xapiValidation;

const body = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => resolve(text));
  });

/** Start the stub with a cmi5 package's files (unzipped, path → bytes). */
export async function startStubLrs(files: Record<string, Uint8Array>): Promise<StubLrs> {
  const structure = new TextDecoder().decode(files['cmi5.xml']);
  const au = /<au id="([^"]+)"[^>]*masteryScore="([^"]+)"[\s\S]*?<url>([^<]+)<\/url>/.exec(structure);
  if (!au) throw new Error('no AU in cmi5.xml');
  const [, auId, mastery, url] = au as unknown as [string, string, string, string];
  const tokens = new Map<string, string>();
  const launchData = new Map<string, string>();
  const documents = new Map<string, string>();

  const lrs: StubLrs = {
    origin: '',
    statements: [],
    problems: [],
    fetches: 0,
    down: false,
    state: (stateId) => [...documents].find(([k]) => k.endsWith(`|${stateId}`))?.[1],
    launch(launchMode = 'Normal') {
      const registration = randomUUID();
      launchData.set(
        registration,
        JSON.stringify({
          contextTemplate: {
            contextActivities: { grouping: [{ id: auId }] },
            extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': randomUUID() },
          },
          launchMode,
          moveOn: 'CompletedAndPassed',
          masteryScore: Number(mastery),
          returnURL: `${lrs.origin}/lms/return`,
        }),
      );
      const params = new URLSearchParams({
        endpoint: `${lrs.origin}/lrs/`,
        fetch: `${lrs.origin}/fetch/${registration}`,
        registration,
        activityId: auId,
        actor: JSON.stringify({ objectType: 'Agent', account: { homePage: 'https://lms.test', name: 'ff-1207' } }),
      });
      return `${lrs.origin}/pkg/${url.replace(/&amp;/g, '&')}&${params}`;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', lrs.origin);
    const send = (status: number, text = '', type = 'application/json') =>
      res.writeHead(status, { 'Content-Type': type }).end(text);
    if (url.pathname.startsWith('/pkg/')) {
      const file = files[decodeURIComponent(url.pathname.slice(5))];
      return file ? res.writeHead(200, { 'Content-Type': contentType(url.pathname) }).end(file) : send(404);
    }
    if (url.pathname === '/lms/return')
      return send(200, '<!doctype html><html lang="en"><title>LMS</title><h1>Back in the LMS</h1>', 'text/html');
    if (url.pathname.startsWith('/fetch/') && req.method === 'POST') {
      lrs.fetches++;
      const registration = url.pathname.slice(7);
      if (tokens.has(registration)) {
        lrs.problems.push('the fetch URL was used twice');
        return send(200, JSON.stringify({ 'error-code': '1', 'error-text': 'already used' }));
      }
      const token = Buffer.from(`${registration}:${randomUUID()}`).toString('base64');
      tokens.set(registration, token);
      return send(200, JSON.stringify({ 'auth-token': token }));
    }
    if (!url.pathname.startsWith('/lrs/')) return send(404);
    const auth = req.headers.authorization ?? '';
    const registration = [...tokens].find(([, token]) => auth === `Basic ${token}`)?.[0];
    if (!registration) {
      lrs.problems.push(`${req.method} ${url.pathname} without a valid token`);
      return send(401);
    }
    if (req.headers['x-experience-api-version'] !== '1.0.3')
      lrs.problems.push(`${req.method} ${url.pathname} without X-Experience-API-Version`);
    const text = await body(req);
    if (url.pathname === '/lrs/statements' && req.method === 'POST') {
      if (lrs.down) return send(500, '{"message":"down for maintenance"}');
      const batch = JSON.parse(text) as Record<string, unknown>[];
      for (const statement of Array.isArray(batch) ? batch : [batch]) {
        for (const warning of validate(statement))
          lrs.problems.push(`${String(statement.id)}: ${warning.constructor.name} at ${warning.path.join('.')}`);
        if ((statement.context as { registration?: string } | undefined)?.registration !== registration)
          lrs.problems.push(`${String(statement.id)}: not in the launch's registration`);
        lrs.statements.push(statement);
      }
      return send(200, JSON.stringify(batch.map((s) => s.id)));
    }
    if (url.pathname === '/lrs/activities/state') {
      const stateId = url.searchParams.get('stateId') ?? '';
      if (url.searchParams.get('registration') !== registration || url.searchParams.get('activityId') !== auId)
        lrs.problems.push(`state ${stateId} asked for another registration or activity`);
      if (stateId === 'LMS.LaunchData') return send(200, launchData.get(registration));
      const key = `${registration}|${stateId}`;
      if (req.method === 'PUT') {
        if (lrs.down) return send(500);
        documents.set(key, text);
        return send(204);
      }
      return documents.has(key) ? send(200, documents.get(key)) : send(404);
    }
    return send(404);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      lrs.problems.push(`stub error: ${String(error)}`);
      res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  lrs.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return lrs;
}
