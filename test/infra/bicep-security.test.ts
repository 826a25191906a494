import { parseConfig } from '../../shared/app/config';
import { TIMERS } from '../../shared/app/timers';
import type { BicepObject } from '../support/bicep';
import type { Infra } from '../support/bicep-infra';
import { at, exprOf, loadInfra } from '../support/bicep-infra';

/**
 * The security the service's contract relies on, read offline from infra/: client certificates
 * required (docs/contract/import-export.md#d1), no storage key anywhere, secrets in Key Vault (docs/contract/import-export.md#d2), least-privilege
 * roles for the app's identity, and app settings the service's own configuration accepts.
 */
const ROLE = {
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3',
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b',
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6',
};

let infra: Infra;
beforeAll(async () => {
  infra = await loadInfra();
});

describe('infra/ Bicep: security', () => {
  it('serves HTTPS only with TLS 1.2, FTP off, and client certificates required (docs/contract/import-export.md#d1)', () => {
    const properties = at(infra.only('Microsoft.Web/sites').body, 'properties');
    expect(properties).toMatchObject({
      httpsOnly: true,
      clientCertEnabled: true,
      clientCertMode: 'Required',
      siteConfig: { minTlsVersion: '1.2', scmMinTlsVersion: '1.2', ftpsState: 'Disabled' },
    });
    expect(at(properties, 'clientCertExclusionPaths')).toBeUndefined();
    const policies = infra.resources('Microsoft.Web/sites/basicPublishingCredentialsPolicies');
    expect(policies.map((p) => [p.body.name, at(p.body, 'properties', 'allow')]).sort()).toEqual([
      ['ftp', false],
      ['scm', false],
    ]);
  });

  it('puts no storage key or connection string anywhere: identity-based storage, shared keys off', () => {
    for (const f of infra.all())
      expect(f.source).not.toMatch(/listKeys|listAccountSas|listServiceSas|AccountKey=/i);
    const storage = infra.only('Microsoft.Storage/storageAccounts');
    expect(at(storage.body, 'properties', 'allowSharedKeyAccess')).toBe(false);
    const settings = infra.appSettings();
    const names = [...settings.keys()];
    expect(names).not.toContain('AzureWebJobsStorage');
    expect(names.filter((n) => /CONNECTIONSTRING|ACCOUNTKEY|_KEY$/i.test(n))).toEqual(['SECRETS_KEY']);
    expect(settings.get('AzureWebJobsStorage__credential')).toBe('managedidentity');
    for (const value of settings.values()) expect(exprOf(value)).not.toMatch(/AccountKey|SharedAccess|sig=/i);
  });

  it('reads SECRETS_KEY and OPERATOR_KEYS through Key Vault references to the secrets the vault module writes', () => {
    const settings = infra.appSettings();
    const reference = (secret: string) => ({
      $template: `@Microsoft.KeyVault(VaultName=\${keyVaultName};SecretName=${secret})`,
    });
    expect(settings.get('SECRETS_KEY')).toEqual(reference('secrets-key'));
    expect(settings.get('OPERATOR_KEYS')).toEqual(reference('operator-keys'));
    const secrets = infra.resources('Microsoft.KeyVault/vaults/secrets');
    expect(secrets.map((s) => s.body.name).sort()).toEqual(['operator-keys', 'secrets-key']);
    // A redeployment without the secrets keeps them: a new SECRETS_KEY loses every stored secret.
    for (const s of secrets) expect(s.condition).toMatch(/^!empty\(\w+\)$/);
    const vault = infra.moduleCreating('Microsoft.KeyVault/vaults/secrets');
    const secure = vault.file.params.filter((p) => p.decorators.includes('secure'));
    expect(secure.map((p) => p.name).sort()).toEqual(['operatorKeys', 'secretsKey']);
    const app = infra.moduleCreating('Microsoft.Web/sites');
    expect(at(app.declaration.body, 'params', 'keyVaultName')).toEqual({
      $expr: `${vault.declaration.symbol}.outputs.name`,
    });
  });

  it('grants the app identity Table Data Contributor, Blob Data Contributor, Key Vault Secrets User, and the host Blob Data Owner', () => {
    const roles = infra.moduleCreating('Microsoft.Authorization/roleAssignments');
    const assignments = roles.file.resources
      .filter((r) => r.type === 'Microsoft.Authorization/roleAssignments')
      .map((r) => {
        const id = exprOf(at(r.body, 'properties', 'roleDefinitionId'));
        const ref = /,\s*(?:'([0-9a-f-]{36})'|(\w+)\.(\w+))\s*\)$/.exec(id);
        const guid = ref?.[1] ?? (ref ? at(roles.file.vars[ref[2]!], ref[3]!) : undefined);
        const scope = roles.file.resources.find((s) => s.symbol === exprOf(r.body.scope));
        return { guid, scope: scope?.type, properties: at(r.body, 'properties') };
      });
    const granted = (guid: string) => assignments.filter((a) => a.guid === guid).map((a) => a.scope);
    expect(granted(ROLE.storageTableDataContributor)).toEqual(['Microsoft.Storage/storageAccounts']);
    expect(granted(ROLE.storageBlobDataContributor)).toEqual(['Microsoft.Storage/storageAccounts']);
    expect(granted(ROLE.storageBlobDataOwner)).toEqual(['Microsoft.Storage/storageAccounts']);
    expect(granted(ROLE.keyVaultSecretsUser)).toEqual(['Microsoft.KeyVault/vaults']);
    for (const a of assignments) {
      expect(a.properties).toMatchObject({
        principalId: { $expr: 'principalId' },
        principalType: 'ServicePrincipal',
      });
    }
    // ...and that principal is the function app's own identity.
    const app = infra.moduleCreating('Microsoft.Web/sites');
    expect(at(roles.declaration.body, 'params', 'principalId')).toEqual({
      $expr: `${app.declaration.symbol}.outputs.principalId`,
    });
    const site = infra.only('Microsoft.Web/sites').symbol;
    expect(app.file.source).toContain(`output principalId string = ${site}.identity.principalId`);
  });

  it('writes app settings the service accepts: identity-based storage, a managed identity, forwarded client certificates trusted', () => {
    // Stand-ins for the values only the deployment knows; null: the sample deployment leaves it unset.
    const sample: Record<string, string | null> = {
      'storage.properties.primaryEndpoints.blob': 'https://st1.blob.core.windows.net/',
      'storage.properties.primaryEndpoints.queue': 'https://st1.queue.core.windows.net/',
      'storage.properties.primaryEndpoints.table': 'https://st1.table.core.windows.net/',
      'appInsights.properties.ConnectionString': 'InstrumentationKey=00000000-0000-0000-0000-000000000000',
      storagePrefix: 'importexport',
      'string(activeJobLimit)': '20',
      sweepSchedule: '0 */5 * * * *',
      schedulerExecutorSchedule: '*/30 * * * * *',
      locations: null,
    };
    const env: Record<string, string> = { WEBSITE_SITE_NAME: 'func-sample' };
    for (const [name, value] of infra.appSettings()) {
      const stand = typeof value === 'string' ? undefined : sample[exprOf(value)];
      if (typeof value === 'string') env[name] = value;
      else if (name === 'SECRETS_KEY') env[name] = Buffer.alloc(32, 9).toString('base64');
      else if (name === 'OPERATOR_KEYS') env[name] = 'operator-key-0123456789';
      else if (stand !== undefined && stand !== null) env[name] = stand;
      else if (stand === undefined)
        env[name] = exprOf(value).replace('${environment().suffixes.storage}', 'core.windows.net');
    }
    const config = parseConfig(env);
    expect(config.storage).toEqual({
      kind: 'identity',
      tableEndpoint: 'https://st1.table.core.windows.net',
      blobEndpoint: 'https://st1.blob.core.windows.net',
      credential: { kind: 'managedIdentity' },
    });
    expect(config.trustForwardedClientCert).toBe(true);
    expect(config.customerBlobEndpoint).toBe('https://{account}.blob.core.windows.net');
    expect(config.operatorKeys).toEqual(['operator-key-0123456789']);
    expect(config.schedulerExecution.executorSchedule).toBe('*/30 * * * * *');
  });

  it("sets the schedule of every timer of the timer table, main.bicep's default being the configuration's", () => {
    const settings = infra.appSettings();
    const passed = at(infra.moduleCreating('Microsoft.Web/sites').declaration.body, 'params') as BicepObject;
    const main = infra.file('main.bicep');
    const defaults = parseConfig({
      AzureWebJobsStorage: 'UseDevelopmentStorage=true',
      SECRETS_KEY: 'A'.repeat(43) + '=',
    });
    expect(TIMERS.map((t) => t.setting)).toEqual(['SWEEP_SCHEDULE', 'SCHEDULER_EXECUTOR_SCHEDULE']);
    for (const timer of TIMERS) {
      const moduleParam = exprOf(settings.get(timer.setting));
      const mainParam = exprOf(passed[moduleParam]);
      expect(main.params.find((p) => p.name === mainParam)?.default).toBe(timer.schedule(defaults));
    }
  });
});
