import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BicepFile, BicepModule, BicepObject, BicepResource, BicepValue } from './bicep';
import { parseBicep } from './bicep';

/** The repository's infra/ folder, parsed: what the infra tests assert on. */
export const INFRA = join(__dirname, '..', '..', 'infra');

export const BICEP_FILES = readdirSync(INFRA, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.bicep'))
  .sort();

const isObject = (v: BicepValue | undefined): v is BicepObject =>
  v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v);

/** A value at a property path, or undefined when the path leads nowhere. */
export function at(value: BicepValue | undefined, ...path: string[]): BicepValue | undefined {
  let v = value;
  for (const key of path) v = isObject(v) ? v[key] : undefined;
  return v;
}

/** Source text of a value: strings quoted as Bicep writes them, expressions and templates as they are. */
export function exprOf(value: BicepValue | undefined): string {
  if (typeof value === 'string') return `'${value}'`;
  const text = at(value, '$expr') ?? at(value, '$template');
  return typeof text === 'string' ? text : '';
}

export class Infra {
  constructor(private readonly files: ReadonlyMap<string, BicepFile>) {}

  /** A file by its path under infra/, e.g. `modules/storage.bicep`. */
  file(name: string): BicepFile {
    const found = this.files.get(name);
    if (!found) throw new Error(`infra/${name} is missing`);
    return found;
  }

  all(): BicepFile[] {
    return [...this.files.values()];
  }

  /** The resources of a type the deployment creates (not `existing` references). */
  resources(type: string): BicepResource[] {
    return this.all().flatMap((f) => f.resources.filter((r) => r.type === type && !r.existing));
  }

  only(type: string): BicepResource {
    const found = this.resources(type);
    if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
    return found[0]!;
  }

  /** The file that creates resources of a type, and the module declaration of main.bicep that deploys it. */
  moduleCreating(type: string): { file: BicepFile; declaration: BicepModule } {
    for (const declaration of this.file('main.bicep').modules) {
      const file = this.file(relative(INFRA, join(INFRA, declaration.path)));
      if (file.resources.some((r) => r.type === type && !r.existing)) return { file, declaration };
    }
    throw new Error(`no module of main.bicep creates a ${type}`);
  }

  /** The function app's settings as name → value, through `concat(...)` and `cond ? [...] : [...]`. */
  appSettings(): Map<string, BicepValue> {
    const settings = new Map<string, BicepValue>();
    const visit = (v: BicepValue | undefined): void => {
      if (Array.isArray(v)) return v.forEach(visit);
      for (const nested of [at(v, '$args'), at(v, '$branches')])
        if (Array.isArray(nested)) nested.forEach(visit);
      const name = at(v, 'name');
      const value = at(v, 'value');
      if (typeof name === 'string' && value !== undefined) settings.set(name, value);
    };
    visit(at(this.only('Microsoft.Web/sites').body, 'properties', 'siteConfig', 'appSettings'));
    return settings;
  }
}

export async function loadInfra(): Promise<Infra> {
  const files = new Map<string, BicepFile>();
  for (const f of BICEP_FILES) files.set(f, await parseBicep(join(INFRA, f)));
  return new Infra(files);
}
