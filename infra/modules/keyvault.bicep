// Key Vault for source systems' secrets: RBAC authorisation only; no secret is created here. Its
// audit log goes to Log Analytics; with private networking it is reachable only by private endpoint.
import { tagsType, privateNetworkType } from '../types.bicep'

param name string
param location string
param workspaceId string
@description('Private endpoints and no open public access; privateNetwork then says where.')
param privateNetworking bool = false
@description('Subnet and DNS zones for the private endpoints; used when privateNetworking is true.')
param privateNetwork privateNetworkType?
param tags tagsType = {}

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: privateNetworking ? 'Disabled' : 'Enabled'
    networkAcls: {
      defaultAction: privateNetworking ? 'Deny' : 'Allow'
      bypass: 'None'
    }
  }
}

// The one usable API version: see storage.bicep.
#disable-next-line use-recent-api-versions
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: vault
  name: 'to-log-analytics'
  properties: {
    workspaceId: workspaceId
    logs: [{ categoryGroup: 'audit', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

module endpoint 'privateendpoint.bicep' = if (privateNetworking) {
  name: '${name}-pe'
  params: {
    name: '${name}-pe'
    location: location
    targetId: vault.id
    groupId: 'vault'
    subnetId: privateNetwork.?endpointSubnetId ?? ''
    dnsZoneId: privateNetwork.?dnsZoneIds.vault ?? ''
    tags: tags
  }
}

output id string = vault.id
output name string = vault.name
output uri string = vault.properties.vaultUri
