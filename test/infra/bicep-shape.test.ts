import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BicepObject } from '../support/bicep';
import type { Infra } from '../support/bicep-infra';
import { at, BICEP_FILES, INFRA, loadInfra } from '../support/bicep-infra';

/**
 * infra/ checked offline as far as this machine allows (tree-sitter-bicep; no Bicep compiler can
 * be installed): every file parses, is documented, is wired, and declares the resources the
 * deployment needs. What only Azure can check is listed in README, "Deploy".
 */
let infra: Infra;
beforeAll(async () => {
  infra = await loadInfra();
});

describe('infra/ Bicep: syntax and shape', () => {
  it('has main.bicep and its modules', () => {
    expect(BICEP_FILES).toContain('main.bicep');
    expect(BICEP_FILES.length).toBeGreaterThan(1);
  });

  it.each(BICEP_FILES)('%s parses without syntax errors', (name) => {
    const f = infra.file(name);
    expect(f.syntaxErrors).toEqual([]);
    expect(f.params.length + f.resources.length + f.modules.length).toBeGreaterThan(0);
  });

  it('describes every parameter and output with @description', () => {
    const undescribed = infra
      .all()
      .flatMap((f) =>
        [...f.params, ...f.outputs]
          .filter((d) => !d.description || d.description.length < 10)
          .map((d) => `${relative(INFRA, f.path)}: ${d.name}`),
      );
    expect(undescribed).toEqual([]);
  });

  it('main.bicep deploys every module, passing only parameters the module declares and all it requires', () => {
    const used = new Set<string>();
    for (const m of infra.file('main.bicep').modules) {
      const path = join(INFRA, m.path);
      expect(existsSync(path)).toBe(true);
      const module = infra.file(relative(INFRA, path));
      used.add(relative(INFRA, path));
      const given = Object.keys((at(m.body, 'params') ?? {}) as BicepObject);
      const declared = module.params.map((p) => p.name);
      expect(given.filter((p) => !declared.includes(p))).toEqual([]);
      expect(module.params.filter((p) => p.default === undefined && !given.includes(p.name))).toEqual([]);
    }
    expect(BICEP_FILES.filter((f) => f !== 'main.bicep' && !used.has(f))).toEqual([]);
  });

  it('uses one GA API version per resource type, in every file', () => {
    const versions = new Map<string, Set<string>>();
    for (const r of infra.all().flatMap((f) => f.resources)) {
      expect(r.apiVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      versions.set(r.type, (versions.get(r.type) ?? new Set()).add(r.apiVersion));
    }
    expect([...versions].filter(([, v]) => v.size > 1)).toEqual([]);
  });

  it('declares the Flex Consumption plan, the function app, its storage, monitoring and Key Vault', () => {
    expect(infra.only('Microsoft.Web/serverfarms').body).toMatchObject({
      sku: { tier: 'FlexConsumption', name: 'FC1' },
      properties: { reserved: true },
    });
    expect(infra.only('Microsoft.Web/sites').body).toMatchObject({
      kind: 'functionapp,linux',
      identity: { type: 'SystemAssigned' },
    });
    expect(infra.only('Microsoft.Storage/storageAccounts').body).toMatchObject({ kind: 'StorageV2' });
    const container = infra.only('Microsoft.Storage/storageAccounts/blobServices/containers');
    expect(at(container.body, 'properties', 'publicAccess')).toBe('None');
    const workspace = infra.only('Microsoft.OperationalInsights/workspaces');
    expect(infra.only('Microsoft.Insights/components').body).toMatchObject({
      properties: { WorkspaceResourceId: { $expr: `${workspace.symbol}.id` } },
    });
    expect(infra.only('Microsoft.KeyVault/vaults').body).toMatchObject({
      properties: { enableRbacAuthorization: true },
    });
  });

  it('runs Node 20 from a deployment container the app reaches with its own identity', () => {
    const config = at(infra.only('Microsoft.Web/sites').body, 'properties', 'functionAppConfig');
    expect(at(config, 'runtime')).toEqual({ name: 'node', version: '20' });
    expect(at(config, 'deployment', 'storage')).toMatchObject({
      type: 'blobContainer',
      value: { $template: expect.stringMatching(/\$\{deploymentContainerName\}$/) as unknown },
      authentication: { type: 'SystemAssignedIdentity' },
    });
    const pkg = JSON.parse(readFileSync(join(INFRA, '..', 'package.json'), 'utf8')) as {
      engines: { node: string };
    };
    expect(pkg.engines.node).toMatch(/^>=20(\.|$)/);
  });

  it('sets none of the app settings Flex Consumption rejects or ignores', () => {
    const names = [...infra.appSettings().keys()];
    const deprecated = [
      'FUNCTIONS_WORKER_RUNTIME',
      'FUNCTIONS_EXTENSION_VERSION',
      'WEBSITE_NODE_DEFAULT_VERSION',
      'WEBSITE_RUN_FROM_PACKAGE',
      'WEBSITE_CONTENTSHARE',
      'WEBSITE_CONTENTAZUREFILECONNECTIONSTRING',
      'SCM_DO_BUILD_DURING_DEPLOYMENT',
    ];
    expect(names.filter((n) => deprecated.includes(n))).toEqual([]);
    const siteConfig = at(infra.only('Microsoft.Web/sites').body, 'properties', 'siteConfig');
    expect(at(siteConfig, 'linuxFxVersion')).toBeUndefined();
    expect(at(siteConfig, 'alwaysOn')).toBeUndefined();
  });

  it('has a sample parameters file that sets only declared parameters and no secret', () => {
    const sample = JSON.parse(readFileSync(join(INFRA, 'main.parameters.json'), 'utf8')) as {
      parameters: Record<string, unknown>;
    };
    const main = infra.file('main.bicep');
    const declared = main.params.map((p) => p.name);
    const given = Object.keys(sample.parameters);
    expect(given.filter((p) => !declared.includes(p))).toEqual([]);
    const secure = main.params.filter((p) => p.decorators.includes('secure')).map((p) => p.name);
    expect(secure.sort()).toEqual(['operatorKeys', 'secretsKey']);
    expect(given.filter((p) => secure.includes(p))).toEqual([]);
    expect(main.params.filter((p) => p.default === undefined)).toEqual([]);
  });

  it('outputs the app URL and the resource names', () => {
    const main = infra.file('main.bicep');
    expect(main.outputs.map((o) => o.name)).toEqual(
      expect.arrayContaining([
        'functionAppUrl',
        'functionAppName',
        'storageAccountName',
        'keyVaultName',
        'applicationInsightsName',
        'logAnalyticsWorkspaceName',
      ]),
    );
    expect(main.source).toMatch(/output functionAppUrl string = 'https:\/\/\$\{/);
  });
});
