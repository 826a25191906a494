// The function app on a Flex Consumption plan (Node 20), with its system-assigned identity. Its
// own storage is reached with that identity (the AzureWebJobsStorage__* settings, no key), its
// secrets through Key Vault references.

@description('Azure region of the plan and the app.')
param location string

@description('Tags put on every resource.')
param tags object

@description('Name of the function app; its host name is <name>.azurewebsites.net.')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Name of the storage account of the service and the Functions host.')
param storageAccountName string

@description('Blob container in that account the app package is deployed to.')
param deploymentContainerName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Name of the Key Vault that holds secrets-key and operator-keys.')
param keyVaultName string

@description('App setting STORAGE_PREFIX.')
param storagePrefix string

@description('App setting ACTIVE_JOB_LIMIT.')
param activeJobLimit int

@description('App setting SWEEP_SCHEDULE.')
param sweepSchedule string

@description('App setting SCHEDULER_EXECUTOR_SCHEDULE.')
param schedulerExecutorSchedule string

@description('App setting LOCATIONS; empty leaves it unset.')
param locations string

@description('Most instances the app scales out to.')
param maximumInstanceCount int

@description('Memory of each instance in MB.')
param instanceMemoryMB int

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // SPEC D.1: the front end asks every caller for a client certificate and hands it to the app
    // in X-ARR-ClientCert, which the app trusts only because no request can arrive without one.
    clientCertEnabled: true
    clientCertMode: 'Required'
    publicNetworkAccess: 'Enabled'
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // HTTP/1.1, what the classic clients speak; the certificate handshake stays the plain one.
      http20Enabled: false
      appSettings: concat(
        [
          // Identity-based host and service storage (the Functions host conventions): no key.
          { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
          { name: 'AzureWebJobsStorage__blobServiceUri', value: storage.properties.primaryEndpoints.blob }
          { name: 'AzureWebJobsStorage__queueServiceUri', value: storage.properties.primaryEndpoints.queue }
          { name: 'AzureWebJobsStorage__tableServiceUri', value: storage.properties.primaryEndpoints.table }
          { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
          { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'Authorization=AAD' }
          // Versionless references: a new secret version reaches the app when its references are
          // refreshed (README, Deploy).
          { name: 'SECRETS_KEY', value: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=secrets-key)' }
          { name: 'OPERATOR_KEYS', value: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=operator-keys)' }
          { name: 'STORAGE_PREFIX', value: storagePrefix }
          { name: 'CUSTOMER_BLOB_ENDPOINT', value: 'https://{account}.blob.${environment().suffixes.storage}' }
          { name: 'ACTIVE_JOB_LIMIT', value: string(activeJobLimit) }
          { name: 'SWEEP_SCHEDULE', value: sweepSchedule }
          { name: 'SCHEDULER_EXECUTOR_SCHEDULE', value: schedulerExecutorSchedule }
        ],
        empty(locations) ? [] : [{ name: 'LOCATIONS', value: locations }]
      )
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'node'
        version: '20'
      }
    }
  }
}

// Publishing authenticates with Entra ID only: no FTP or Kudu basic-auth credentials.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

@description('Name of the function app.')
output name string = app.name

@description('Default host name of the function app.')
output defaultHostName string = app.properties.defaultHostName

@description('Object id of the system-assigned identity.')
output principalId string = app.identity.principalId
