// Role assignments: what the app's identity may do, and each service's write access to its own
// folder of the returns container through an ABAC condition on the blob path. Assignment names come
// from the app's resource id, not its identity's object id, so every name is known before deployment
// and what-if can show each change (a name from a runtime value short-circuits what-if).
import { serviceWriterType } from '../types.bicep'

@description('The function app, whose system-assigned identity gets the app\'s roles.')
param appName string
param appPrincipalId string
param returnsStorageName string
param hostStorageName string
param keyVaultName string
param appInsightsName string
@description('One entry per service that uploads returns.')
param serviceWriters serviceWriterType[]

var roles = {
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  blobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

resource returns 'Microsoft.Storage/storageAccounts@2026-09-01' existing = {
  name: returnsStorageName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource returnsContainer 'containers' existing = {
      name: 'returns'
    }
  }
}

resource hostStorage 'Microsoft.Storage/storageAccounts@2026-09-01' existing = {
  name: hostStorageName
}

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' existing = {
  name: keyVaultName
}

resource insights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

var appId = resourceId('Microsoft.Web/sites', appName)
var returnsRoles = [roles.blobDataOwner, roles.queueDataContributor]
var hostRoles = [roles.blobDataOwner, roles.queueDataContributor, roles.tableDataContributor]

resource appOnReturns 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in returnsRoles: {
  scope: returns
  name: guid(returns.id, appId, role)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}]

resource appOnHost 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in hostRoles: {
  scope: hostStorage
  name: guid(hostStorage.id, appId, role)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}]

resource appOnVault 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, appId, roles.keyVaultSecretsUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appOnInsights 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: insights
  name: guid(insights.id, appId, roles.monitoringMetricsPublisher)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// A blob action is allowed only when the blob's path starts with the service's code and a slash.
var blobActions = [
  'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'
  'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write'
  'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action'
  'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete'
]
var notTheseActions = join(map(blobActions, action => '!(ActionMatches{\'${action}\'})'), ' AND ')

resource serviceWrite 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for writer in serviceWriters: {
  scope: returns::blobService::returnsContainer
  name: guid(returns::blobService::returnsContainer.id, writer.principalId, writer.service)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.blobDataContributor)
    principalId: writer.principalId
    principalType: writer.?principalType ?? 'Group'
    description: 'Uploads returns for ${writer.service} to returns/${writer.service}/ only'
    conditionVersion: '2.0'
    condition: '((${notTheseActions}) OR (@Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path] StringStartsWith \'${writer.service}/\'))'
  }
}]
