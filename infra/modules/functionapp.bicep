// The Flex Consumption plan and the isolated-worker function app, with a system-assigned identity.
// Every setting is an address or a name; the identity does the authenticating. FTP and basic-auth
// publishing are off (deploy with Entra ID), and the app's logs go to Log Analytics. With private
// networking its outbound traffic leaves through a subnet of the virtual network.
import { tagsType } from '../types.bicep'

param appName string
param planName string
param location string
param hostStorageName string
param hostBlobEndpoint string
param deploymentContainer string
param returnsStorageName string
param keyVaultUri string
param appInsightsConnectionString string
param sqlServerFqdn string
param sqlDatabaseName string
@description('Six-field NCRONTAB, in UTC, for the PullSources timer.')
param pullSourcesSchedule string
@description('Graph or SmtpOAuth.')
param alertsTransport string
@description('The mailbox digests are sent as; empty leaves them in the outbox folder.')
param alertsMailbox string
param maximumInstanceCount int = 40
param instanceMemoryMB int = 2048
param workspaceId string
@description('Subnet (delegated to Microsoft.App/environments) for outbound traffic; empty for none.')
param outboundSubnetId string = ''
param tags tagsType = {}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: { reserved: true }
}

// Service addresses without a trailing slash, as the identity-based connection settings take them.
var returnsUri = 'https://${returnsStorageName}.blob.${environment().suffixes.storage}'
var returnsQueueUri = 'https://${returnsStorageName}.queue.${environment().suffixes.storage}'

// Mail goes as the mailbox, with the app's identity; the From address must be that mailbox.
var mailFrom = 'PMF Pipeline <${alertsMailbox}>'

resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    virtualNetworkSubnetId: empty(outboundSubnetId) ? null : outboundSubnetId
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${hostBlobEndpoint}${deploymentContainer}'
          authentication: { type: 'SystemAssignedIdentity' }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        { name: 'AzureWebJobsStorage__accountName', value: hostStorageName }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'PmfStorage__blobServiceUri', value: returnsUri }
        { name: 'PmfStorage__queueServiceUri', value: returnsQueueUri }
        { name: 'PmfPullSourcesSchedule', value: pullSourcesSchedule }
        { name: 'Pmf__Warehouse__Provider', value: 'sqlserver' }
        {
          name: 'Pmf__Warehouse__ConnectionString'
          value: 'Server=tcp:${sqlServerFqdn},1433;Database=${sqlDatabaseName};Encrypt=True;Authentication=Active Directory Default'
        }
        { name: 'Pmf__Storage__Kind', value: 'blob' }
        { name: 'Pmf__Storage__BlobServiceUri', value: returnsUri }
        { name: 'Pmf__Sources__KeyVaultUri', value: keyVaultUri }
        { name: 'Pmf__Alerts__Transport', value: alertsTransport }
        { name: 'Pmf__Alerts__Mailbox', value: alertsMailbox }
        { name: 'Pmf__Alerts__From', value: mailFrom }
        { name: 'Pmf__Ingest__FeedbackFrom', value: mailFrom }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'Authorization=AAD' }
      ]
    }
  }
}

resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'ftp'
  properties: { allow: false }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'scm'
  properties: { allow: false }
}

// The one usable API version: see storage.bicep.
#disable-next-line use-recent-api-versions
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: app
  name: 'to-log-analytics'
  properties: {
    workspaceId: workspaceId
    logs: [{ category: 'FunctionAppLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

output name string = app.name
output id string = app.id
output principalId string = app.identity.principalId
output defaultHostName string = app.properties.defaultHostName
