// Key Vault with Azure RBAC (no access policies) holding the two secrets the app reads through
// Key Vault references: SECRETS_KEY (SPEC D.2) and OPERATOR_KEYS (SPEC B).

@description('Azure region of the vault.')
param location string

@description('Tags put on every resource.')
param tags object

@description('Name of the vault (3 to 24 letters, digits and single hyphens).')
param name string

@description('Value of the secrets-key secret; empty keeps the secret the vault already holds.')
@secure()
param secretsKey string

@description('Value of the operator-keys secret; empty keeps the secret the vault already holds.')
@secure()
param operatorKeys string

@description('Whether purge protection is on (it cannot be turned off again).')
param purgeProtection bool

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // The API refuses an explicit false: leave it unset instead.
    enablePurgeProtection: purgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

// Written only when a value is given, so a redeployment without the secrets keeps them: a new
// SECRETS_KEY would make every secret stored at rest unreadable.
resource secretsKeySecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = if (!empty(secretsKey)) {
  parent: vault
  name: 'secrets-key'
  properties: {
    value: secretsKey
    contentType: 'base64 of 32 bytes: AES-256-GCM key of the secrets at rest'
  }
}

resource operatorKeysSecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = if (!empty(operatorKeys)) {
  parent: vault
  name: 'operator-keys'
  properties: {
    value: operatorKeys
    contentType: 'comma-separated operator API keys'
  }
}

@description('Name of the vault.')
output name string = vault.name
