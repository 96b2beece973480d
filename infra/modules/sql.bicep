// Azure SQL with Microsoft Entra-only authentication: no SQL logins, so no credential is stored
// anywhere. Server auditing and the database's diagnostics go to Log Analytics. Without private
// networking, Flex Consumption reaches SQL from Azure's address space (the AllowAzureServices rule);
// with it, public access is off and the app comes in by private endpoint.
import { tagsType, privateNetworkType } from '../types.bicep'

param serverName string
param location string
param databaseName string
@description('Display name of the Entra group that administers the server.')
param adminGroupName string
@description('Object id of that group.')
param adminGroupObjectId string
param workspaceId string
@description('Private endpoints and no open public access; privateNetwork then says where.')
param privateNetworking bool = false
@description('Subnet and DNS zones for the private endpoints; used when privateNetworking is true.')
param privateNetwork privateNetworkType?
param tags tagsType = {}

resource server 'Microsoft.Sql/servers@2025-01-01' = {
  name: serverName
  location: location
  tags: tags
  properties: {
    minimalTlsVersion: '1.2'
    publicNetworkAccess: privateNetworking ? 'Disabled' : 'Enabled'
    administrators: {
      administratorType: 'ActiveDirectory'
      azureADOnlyAuthentication: true
      login: adminGroupName
      sid: adminGroupObjectId
      principalType: 'Group'
      tenantId: subscription().tenantId
    }
  }
}

resource azureServices 'Microsoft.Sql/servers/firewallRules@2025-01-01' = if (!privateNetworking) {
  parent: server
  name: 'AllowAzureServices'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource database 'Microsoft.Sql/servers/databases@2025-01-01' = {
  parent: server
  name: databaseName
  location: location
  tags: tags
  sku: { name: 'GP_S_Gen5_1', tier: 'GeneralPurpose' }
  properties: {
    autoPauseDelay: 60
    minCapacity: json('0.5')
    zoneRedundant: false
    requestedBackupStorageRedundancy: 'Zone'
  }
}

// Server auditing to Log Analytics: the audit records flow through a diagnostic setting on the
// master database, which must exist before auditing is switched on.
resource master 'Microsoft.Sql/servers/databases@2025-01-01' existing = {
  parent: server
  name: 'master'
}

// The one usable API version: see storage.bicep.
#disable-next-line use-recent-api-versions
resource auditLog 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: master
  name: 'audit-to-log-analytics'
  properties: {
    workspaceId: workspaceId
    logs: [{ category: 'SQLSecurityAuditEvents', enabled: true }]
  }
}

resource auditing 'Microsoft.Sql/servers/auditingSettings@2025-01-01' = {
  parent: server
  name: 'default'
  properties: {
    state: 'Enabled'
    isAzureMonitorTargetEnabled: true
    auditActionsAndGroups: [
      'SUCCESSFUL_DATABASE_AUTHENTICATION_GROUP'
      'FAILED_DATABASE_AUTHENTICATION_GROUP'
      'BATCH_COMPLETED_GROUP'
    ]
  }
  dependsOn: [auditLog]
}

#disable-next-line use-recent-api-versions
resource databaseDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: database
  name: 'to-log-analytics'
  properties: {
    workspaceId: workspaceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'Basic', enabled: true }]
  }
}

module endpoint 'privateendpoint.bicep' = if (privateNetworking) {
  name: '${serverName}-pe'
  params: {
    name: '${serverName}-pe'
    location: location
    targetId: server.id
    groupId: 'sqlServer'
    subnetId: privateNetwork.?endpointSubnetId ?? ''
    dnsZoneId: privateNetwork.?dnsZoneIds.sql ?? ''
    tags: tags
  }
}

output serverName string = server.name
output serverFqdn string = server.properties.fullyQualifiedDomainName
output databaseName string = database.name
