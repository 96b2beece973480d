// PMF Pipeline on Azure: returns storage, a Flex Consumption Functions app with a system-assigned
// identity, Azure SQL with Entra-only authentication, Key Vault, Application Insights, role
// assignments (per-service write access by ABAC condition) and, once the code is deployed, the
// Event Grid subscriptions that drive the blob triggers. No secret is a parameter or an output.
// Hardened as docs/deploy.md ("Infrastructure") lists; private networking is optional.
targetScope = 'resourceGroup'

import { tagsType, serviceWriterType } from 'types.bicep'

@description('Short prefix for resource names, e.g. pmf-ashby. Lower-case letters, digits and hyphens.')
@minLength(3)
@maxLength(16)
param namePrefix string

@description('Azure region for every resource; the resource group\'s by default.')
param location string = resourceGroup().location

@description('Display name of the Entra group that administers Azure SQL.')
param sqlAdminGroupName string

@description('Object id of that Entra group.')
param sqlAdminGroupObjectId string

@description('The warehouse database name.')
param databaseName string = 'pmf'

@description('One entry per service that uploads returns: { service: \'HOU\', principalId: \'<object id>\', principalType: \'Group\' }.')
param serviceWriters serviceWriterType[] = []

@description('Six-field NCRONTAB (UTC) for PullSources; the default pulls every hour at a quarter past.')
param pullSourcesSchedule string = '0 15 * * * *'

@description('How digests and senders\' reports are mailed, signed in with the app\'s identity (nothing secret): Graph (sendMail as alertsMailbox) or SmtpOAuth (SMTP to Exchange Online as alertsMailbox).')
@allowed([
  'Graph'
  'SmtpOAuth'
])
param alertsTransport string = 'Graph'

@description('The shared mailbox digests are sent as, e.g. performance@council.gov.uk; grant the app\'s identity the right to send as it, and only it (docs/deploy.md). Required: in Azure an outbox folder would be read by nobody.')
@minLength(3)
param alertsMailbox string

@description('Create the Event Grid subscriptions; set true on the second deployment, after the app code is published.')
param createEventSubscriptions bool = false

@description('Private endpoints for storage, Key Vault and SQL, public access to them off, and the app\'s outbound traffic through a virtual network. Off by default: uploaders must then reach the returns account over the council\'s network (docs/deploy.md).')
param privateNetworking bool = false

@description('Address space of the virtual network made when privateNetworking is true.')
param vnetAddressPrefix string = '10.60.0.0/24'

@description('Tags on every resource.')
param tags tagsType = {
  application: 'pmf-pipeline'
}

// Storage account names: 3-24 lower-case letters and digits, unique in Azure.
var compact = toLower(replace(namePrefix, '-', ''))
var suffix = substring(uniqueString(resourceGroup().id, namePrefix), 0, 6)
var returnsStorageName = take('${compact}ret${suffix}', 24)
var hostStorageName = take('${compact}fn${suffix}', 24)
var deploymentContainer = 'deployments'
var deadLetterContainer = 'eventgrid-deadletter'

// Every name is fixed before deployment, so modules get names, not other modules' outputs, and
// what-if can evaluate every resource id.
var functionAppName = '${namePrefix}-func'
var keyVaultName = take('${namePrefix}-kv-${suffix}', 24)
var insightsName = '${namePrefix}-appi'

module network 'modules/network.bicep' = if (privateNetworking) {
  name: 'network'
  params: {
    name: '${namePrefix}-vnet'
    location: location
    addressPrefix: vnetAddressPrefix
    tags: tags
  }
}

var privateNetwork = privateNetworking
  ? {
      endpointSubnetId: network!.outputs.endpointSubnetId
      dnsZoneIds: network!.outputs.dnsZoneIds
    }
  : null

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: '${namePrefix}-log'
    insightsName: insightsName
    location: location
    tags: tags
  }
}

module returnsStorage 'modules/storage.bicep' = {
  name: 'returns-storage'
  params: {
    name: returnsStorageName
    location: location
    containers: ['returns', 'processed', 'rejected', 'catalogue']
    workspaceId: monitoring.outputs.workspaceId
    privateNetworking: privateNetworking
    privateNetwork: privateNetwork
    tags: tags
  }
}

module hostStorage 'modules/storage.bicep' = {
  name: 'host-storage'
  params: {
    name: hostStorageName
    location: location
    containers: [deploymentContainer, deadLetterContainer]
    privateServices: ['blob', 'queue', 'table']
    workspaceId: monitoring.outputs.workspaceId
    privateNetworking: privateNetworking
    privateNetwork: privateNetwork
    tags: tags
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'key-vault'
  params: {
    name: keyVaultName
    location: location
    workspaceId: monitoring.outputs.workspaceId
    privateNetworking: privateNetworking
    privateNetwork: privateNetwork
    tags: tags
  }
}

module sql 'modules/sql.bicep' = {
  name: 'sql'
  params: {
    serverName: '${namePrefix}-sql'
    location: location
    databaseName: databaseName
    adminGroupName: sqlAdminGroupName
    adminGroupObjectId: sqlAdminGroupObjectId
    workspaceId: monitoring.outputs.workspaceId
    privateNetworking: privateNetworking
    privateNetwork: privateNetwork
    tags: tags
  }
}

module app 'modules/functionapp.bicep' = {
  name: 'function-app'
  params: {
    appName: functionAppName
    planName: '${namePrefix}-plan'
    location: location
    hostStorageName: hostStorage.outputs.name
    hostBlobEndpoint: hostStorage.outputs.blobEndpoint
    deploymentContainer: deploymentContainer
    returnsStorageName: returnsStorage.outputs.name
    keyVaultUri: vault.outputs.uri
    appInsightsConnectionString: monitoring.outputs.connectionString
    sqlServerFqdn: sql.outputs.serverFqdn
    sqlDatabaseName: sql.outputs.databaseName
    pullSourcesSchedule: pullSourcesSchedule
    alertsTransport: alertsTransport
    alertsMailbox: alertsMailbox
    workspaceId: monitoring.outputs.workspaceId
    outboundSubnetId: privateNetworking ? network!.outputs.functionsSubnetId : ''
    tags: tags
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    appName: functionAppName
    appPrincipalId: app.outputs.principalId
    returnsStorageName: returnsStorageName
    hostStorageName: hostStorageName
    keyVaultName: keyVaultName
    appInsightsName: insightsName
    serviceWriters: serviceWriters
  }
}

module events 'modules/eventgrid.bicep' = if (createEventSubscriptions) {
  name: 'event-grid'
  params: {
    returnsStorageName: returnsStorageName
    functionAppName: functionAppName
    deadLetterStorageName: hostStorageName
    deadLetterContainer: deadLetterContainer
    location: location
    tags: tags
  }
  dependsOn: [returnsStorage, hostStorage, app]
}

output functionAppName string = app.outputs.name
output functionAppPrincipalId string = app.outputs.principalId
output returnsStorageName string = returnsStorage.outputs.name
output returnsBlobEndpoint string = returnsStorage.outputs.blobEndpoint
output sqlServerFqdn string = sql.outputs.serverFqdn
output sqlDatabaseName string = sql.outputs.databaseName
output keyVaultUri string = vault.outputs.uri
