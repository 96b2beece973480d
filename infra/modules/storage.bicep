// A storage account that accepts only Entra ID (no shared keys, no local users, no anonymous blobs),
// encrypted twice (service and infrastructure), with blob versioning and soft delete, its containers,
// and its logs sent to Log Analytics. With private networking its public endpoint refuses everyone
// but trusted Azure services (Event Grid's dead-lettering with its identity), and it gets private
// endpoints for each service the app uses.
import { tagsType, privateNetworkType } from '../types.bicep'

@description('Storage account name: 3-24 lower-case letters and digits.')
param name string
param location string
param containers string[]
@description('Which storage services the app reaches through a private endpoint when private networking is on.')
param privateServices ('blob' | 'queue' | 'table')[] = ['blob', 'queue']
@description('Log Analytics workspace that receives the account\'s logs and metrics.')
param workspaceId string
@description('Private endpoints and no open public access; privateNetwork then says where.')
param privateNetworking bool = false
@description('Subnet and DNS zones for the private endpoints; used when privateNetworking is true.')
param privateNetwork privateNetworkType?
param tags tagsType = {}

resource account 'Microsoft.Storage/storageAccounts@2026-09-01' = {
  name: name
  location: location
  tags: tags
  sku: { name: 'Standard_ZRS' }
  kind: 'StorageV2'
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    allowCrossTenantReplication: false
    isLocalUserEnabled: false
    isSftpEnabled: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: privateNetworking ? 'Deny' : 'Allow'
      bypass: 'AzureServices'
    }
    // Set at creation only: an account created before this setting must be recreated to get it.
    encryption: {
      requireInfrastructureEncryption: true
      keySource: 'Microsoft.Storage'
      services: {
        blob: { enabled: true, keyType: 'Account' }
        file: { enabled: true, keyType: 'Account' }
        queue: { enabled: true, keyType: 'Account' }
        table: { enabled: true, keyType: 'Account' }
      }
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2026-09-01' = {
  parent: account
  name: 'default'
  properties: {
    isVersioningEnabled: true
    deleteRetentionPolicy: { enabled: true, days: 30 }
    containerDeleteRetentionPolicy: { enabled: true, days: 30 }
  }
}

// Versions are for recovery, not an archive: a version is kept 90 days after it was replaced or deleted.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2026-09-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expire-old-versions'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: { blobTypes: ['blockBlob'] }
            actions: {
              version: { delete: { daysAfterCreationGreaterThan: 90 } }
            }
          }
        }
      ]
    }
  }
}

resource created 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-09-01' = [for container in containers: {
  parent: blobService
  name: container
  properties: { publicAccess: 'None' }
}]

// Diagnostic settings have one usable API version, 2021-05-01-preview: 2016-09-01, the only
// non-preview one, is the older schema without workspaceId (see docs/deploy.md, Infrastructure).
#disable-next-line use-recent-api-versions
resource accountDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: account
  name: 'to-log-analytics'
  properties: {
    workspaceId: workspaceId
    metrics: [{ category: 'Transaction', enabled: true }]
  }
}

#disable-next-line use-recent-api-versions
resource blobDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: blobService
  name: 'to-log-analytics'
  properties: {
    workspaceId: workspaceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'Transaction', enabled: true }]
  }
}

module endpoints 'privateendpoint.bicep' = [for service in (privateNetworking ? privateServices : []): {
  name: '${name}-pe-${service}'
  params: {
    name: '${name}-pe-${service}'
    location: location
    targetId: account.id
    groupId: service
    subnetId: privateNetwork.?endpointSubnetId ?? ''
    dnsZoneId: privateNetwork.?dnsZoneIds[service] ?? ''
    tags: tags
  }
}]

output id string = account.id
output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
