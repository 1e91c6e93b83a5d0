/**
 * The runs the demo API knows: the example fixtures (src/test/fixtures/*.json) and the hostile
 * bodies (e2e/data/hostile/*.json), indexed by their `id` field. Node-side only.
 *
 * Bodies are served as the raw file text, byte for byte (key order is execution order), so the
 * catalogue keeps file paths and reads the text on each request.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type DemoRunGroup = 'example' | 'hostile';

export interface DemoRunFile {
  id: string;
  /** Absolute path of the JSON body. */
  file: string;
  flowDisplayName: string | null;
  status: string;
  scenario: string;
  group: DemoRunGroup;
}

export interface DemoCatalog {
  runs: DemoRunFile[];
  byId: Map<string, DemoRunFile>;
  /** Absolute path of e2e/data/hostile/23-non-json-body.txt (an HTML gateway page). */
  htmlBodyFile: string;
  /** Absolute path of e2e/data/hostile/25-auth-expiry-while-running.json. */
  runningBodyFile: string;
  /** Absolute path of src/test/fixtures/01-happy-path.json. */
  happyBodyFile: string;
}

export const FIXTURES_DIR = 'src/test/fixtures';
export const HOSTILE_DIR = 'e2e/data/hostile';

/**
 * `| \`01-happy-path.json\` | Webhook order → CRM lookup … | …` rows of the fixtures README:
 * file name → the Scenario column.
 */
export function parseFixtureScenarios(readme: string): Map<string, string> {
  const scenarios = new Map<string, string>();
  for (const line of readme.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    // ['', '`01-happy-path.json`', 'Scenario', …, '']
    const file = /^`([^`]+\.json)`$/.exec(cells[1] ?? '')?.[1];
    const scenario = cells[2];
    if (file && scenario) scenarios.set(file, scenario);
  }
  return scenarios;
}

/** `## 01 · \`steps: null\` (purged or never recorded)` headings of the hostile README: "01" → title. */
export function parseHostileScenarios(readme: string): Map<string, string> {
  const scenarios = new Map<string, string>();
  for (const line of readme.split('\n')) {
    const match = /^##\s+(\d+)\s+·\s+(.+)$/.exec(line.trim());
    if (match?.[1] && match[2]) scenarios.set(match[1], match[2].replaceAll('`', '').trim());
  }
  return scenarios;
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

interface RunHead {
  id: string;
  flowDisplayName: string | null;
  status: string;
}

function readHead(file: string): RunHead | null {
  try {
    const body: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof body !== 'object' || body === null) return null;
    const { id, flowDisplayName, status } = body as Record<string, unknown>;
    if (typeof id !== 'string' || id === '') return null;
    return {
      id,
      flowDisplayName: typeof flowDisplayName === 'string' ? flowDisplayName : null,
      status: typeof status === 'string' ? status : String(status),
    };
  } catch {
    return null;
  }
}

function jsonFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch {
    return [];
  }
}

/** Builds the catalogue from the project root. Files without a usable `id` are skipped. */
export function loadDemoCatalog(root: string): DemoCatalog {
  const fixturesDir = path.join(root, FIXTURES_DIR);
  const hostileDir = path.join(root, HOSTILE_DIR);
  const fixtureScenarios = parseFixtureScenarios(readOrEmpty(path.join(fixturesDir, 'README.md')));
  const hostileScenarios = parseHostileScenarios(readOrEmpty(path.join(hostileDir, 'README.md')));

  const runs: DemoRunFile[] = [];
  for (const name of jsonFiles(fixturesDir)) {
    const file = path.join(fixturesDir, name);
    const head = readHead(file);
    if (!head) continue;
    const scenario = fixtureScenarios.get(name) ?? name.replace(/\.json$/, '');
    runs.push({ ...head, file, scenario, group: 'example' });
  }
  for (const name of jsonFiles(hostileDir)) {
    const file = path.join(hostileDir, name);
    const head = readHead(file);
    if (!head) continue;
    const number = /^(\d+)-/.exec(name)?.[1] ?? '';
    const scenario = hostileScenarios.get(number) ?? name.replace(/\.json$/, '');
    runs.push({ ...head, file, scenario, group: 'hostile' });
  }

  const byId = new Map<string, DemoRunFile>();
  for (const run of runs) if (!byId.has(run.id)) byId.set(run.id, run);

  return {
    runs,
    byId,
    htmlBodyFile: path.join(hostileDir, '23-non-json-body.txt'),
    runningBodyFile: path.join(hostileDir, '25-auth-expiry-while-running.json'),
    happyBodyFile: path.join(fixturesDir, '01-happy-path.json'),
  };
}
