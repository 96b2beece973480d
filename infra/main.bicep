// PMF Pipeline on Azure: returns storage, a Flex Consumption Functions app with a system-assigned
// identity, Azure SQL with Entra-only authentication, Key Vault, Application Insights, role
// assignments (per-service write access by ABAC condition) and, once the code is deployed, the
// Event Grid subscriptions that drive the blob triggers. No secret is a parameter or an output.
targetScope = 'resourceGroup'

@description('Short prefix for resource names, e.g. pmf-ashby. Lower-case letters, digits and hyphens.')
@minLength(3)
@maxLength(16)
param namePrefix string

param location string = resourceGroup().location

@description('Display name of the Entra group that administers Azure SQL.')
param sqlAdminGroupName string

@description('Object id of that Entra group.')
param sqlAdminGroupObjectId string

@description('The warehouse database name.')
param databaseName string = 'pmf'

@description('One entry per service that uploads returns: { service: \'HOU\', principalId: \'<object id>\', principalType: \'Group\' }.')
param serviceWriters array = []

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

param tags object = {
  application: 'pmf-pipeline'
}

// Storage account names: 3-24 lower-case letters and digits, unique in Azure.
var compact = toLower(replace(namePrefix, '-', ''))
var suffix = substring(uniqueString(resourceGroup().id, namePrefix), 0, 6)
var returnsStorageName = take('${compact}ret${suffix}', 24)
var hostStorageName = take('${compact}fn${suffix}', 24)
var deploymentContainer = 'deployments'

module returnsStorage 'modules/storage.bicep' = {
  name: 'returns-storage'
  params: {
    name: returnsStorageName
    location: location
    containers: ['returns', 'processed', 'rejected', 'catalogue']
    tags: tags
  }
}

module hostStorage 'modules/storage.bicep' = {
  name: 'host-storage'
  params: {
    name: hostStorageName
    location: location
    containers: [deploymentContainer]
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    namePrefix: namePrefix
    location: location
    tags: tags
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'key-vault'
  params: {
    name: take('${namePrefix}-kv-${suffix}', 24)
    location: location
    tags: tags
  }
}

module sql 'modules/sql.bicep' = {
  name: 'sql'
  params: {
    namePrefix: namePrefix
    location: location
    databaseName: databaseName
    adminGroupName: sqlAdminGroupName
    adminGroupObjectId: sqlAdminGroupObjectId
    tags: tags
  }
}

module app 'modules/functionapp.bicep' = {
  name: 'function-app'
  params: {
    namePrefix: namePrefix
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
    tags: tags
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    appPrincipalId: app.outputs.principalId
    returnsStorageName: returnsStorage.outputs.name
    hostStorageName: hostStorage.outputs.name
    keyVaultName: vault.outputs.name
    appInsightsName: monitoring.outputs.insightsName
    serviceWriters: serviceWriters
  }
}

module events 'modules/eventgrid.bicep' = if (createEventSubscriptions) {
  name: 'event-grid'
  params: {
    returnsStorageId: returnsStorage.outputs.id
    returnsStorageName: returnsStorage.outputs.name
    functionAppName: app.outputs.name
    location: location
    tags: tags
  }
}

output functionAppName string = app.outputs.name
output functionAppPrincipalId string = app.outputs.principalId
output returnsStorageName string = returnsStorage.outputs.name
output returnsBlobEndpoint string = returnsStorage.outputs.blobEndpoint
output sqlServerFqdn string = sql.outputs.serverFqdn
output sqlDatabaseName string = sql.outputs.databaseName
output keyVaultUri string = vault.outputs.uri
