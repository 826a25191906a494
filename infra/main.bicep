// The Import/Export service on Azure Functions (Flex Consumption, Node 20), secure by default:
// no storage key anywhere (the app's system-assigned identity and role assignments instead),
// secrets in Key Vault behind Key Vault references, HTTPS and TLS 1.2 only, FTP off, and client
// certificates required, which management-certificate authentication depends on (SPEC D.1).
targetScope = 'resourceGroup'

@description('Azure region of every resource. It must offer the Flex Consumption plan: see `az functionapp list-flexconsumption-locations`.')
param location string = resourceGroup().location

@description('Start of every resource name: 2 to 10 lower-case letters and digits. A hash of the resource group and this name makes the names unique.')
@minLength(2)
@maxLength(10)
param baseName string = 'impexp'

@description('Base64 of 32 random bytes (`openssl rand -base64 32`): the AES-256-GCM key of the secrets stored at rest (SPEC D.2), kept in Key Vault as `secrets-key`. Give it on the first deployment; left empty, the secret already in the vault is kept. Replacing it makes every stored account key, SAS and BitLocker key unreadable.')
@secure()
param secretsKey string = ''

@description('Operator API keys, comma-separated, each at least 16 characters; two while rotating (SPEC B). Kept in Key Vault as `operator-keys`. Left empty, the secret already in the vault is kept.')
@secure()
param operatorKeys string = ''

@description('Prefix of the service table names in its storage account (app setting STORAGE_PREFIX).')
param storagePrefix string = 'importexport'

@description('Active jobs allowed per subscription (app setting ACTIVE_JOB_LIMIT, SPEC D.3).')
@minValue(1)
param activeJobLimit int = 20

@description('Six-field NCRONTAB schedule of the expiry timers (app setting SWEEP_SCHEDULE, SPEC C.2).')
param sweepSchedule string = '0 */5 * * * *'

@description('Six-field NCRONTAB period of the Scheduler executor timer; each run lasts until the next (app setting SCHEDULER_EXECUTOR_SCHEDULE, docs/scheduler-execution.md).')
param schedulerExecutorSchedule string = '*/30 * * * * *'

@description('JSON array replacing the built-in locations (app setting LOCATIONS, SPEC A.11); empty keeps the built-in set.')
param locations string = ''

@description('Most instances the app scales out to (Flex Consumption allows 1 to 1000).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each instance in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Redundancy of the storage account.')
@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS'])
param storageSku string = 'Standard_LRS'

@description('Days Log Analytics keeps the logs and telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Key Vault purge protection: a deleted vault (and with it SECRETS_KEY) can be recovered for 90 days and never purged early. Turn off only for throw-away deployments whose names must be reusable at once.')
param keyVaultPurgeProtection bool = true

@description('Tags put on every resource.')
param tags object = {}

var name = toLower(baseName)
var token = uniqueString(resourceGroup().id, name)
var functionAppName = 'func-${name}-${token}'
var deploymentContainerName = 'app-package-${take(token, 8)}'

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    tags: tags
    logAnalyticsName: 'log-${name}-${token}'
    applicationInsightsName: 'appi-${name}-${token}'
    retentionInDays: logRetentionDays
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    tags: tags
    name: take('st${name}${token}', 24)
    skuName: storageSku
    deploymentContainerName: deploymentContainerName
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    location: location
    tags: tags
    name: 'kv-${take(name, 6)}-${token}'
    secretsKey: secretsKey
    operatorKeys: operatorKeys
    purgeProtection: keyVaultPurgeProtection
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  params: {
    location: location
    tags: tags
    name: functionAppName
    planName: 'plan-${name}-${token}'
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: keyVault.outputs.name
    storagePrefix: storagePrefix
    activeJobLimit: activeJobLimit
    sweepSchedule: sweepSchedule
    schedulerExecutorSchedule: schedulerExecutorSchedule
    locations: locations
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
}

module roleAssignments 'modules/role-assignments.bicep' = {
  name: 'role-assignments'
  params: {
    principalId: functionApp.outputs.principalId
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
  }
}

@description('The service base URL: customer API under /{subscription}/services/importexport, operator API under /operator.')
output functionAppUrl string = 'https://${functionApp.outputs.defaultHostName}'

@description('Name of the function app, for `func azure functionapp publish`.')
output functionAppName string = functionApp.outputs.name

@description('Object id of the function app system-assigned identity.')
output functionAppPrincipalId string = functionApp.outputs.principalId

@description('Name of the storage account that holds the service tables, the host state and the deployment package.')
output storageAccountName string = storage.outputs.name

@description('Name of the Key Vault holding secrets-key and operator-keys.')
output keyVaultName string = keyVault.outputs.name

@description('Name of the Application Insights component.')
output applicationInsightsName string = monitoring.outputs.applicationInsightsName

@description('Name of the Log Analytics workspace.')
output logAnalyticsWorkspaceName string = monitoring.outputs.logAnalyticsName
