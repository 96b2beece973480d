// Event Grid delivers BlobCreated events to the blob triggers (Flex Consumption runs blob triggers
// only this way). The webhook address carries the app's blobs_extension system key, read here at
// deployment time with listKeys and passed straight to Event Grid: it is in no template or output.
// An event still undelivered after its retries (30 attempts over 24 hours) is written, with the
// topic's own identity, to a dead-letter container instead of being dropped.
// Deploy this after the app's code, when the blob extension (and its key) exists.
import { tagsType } from '../types.bicep'

param returnsStorageName string
param functionAppName string
@description('Storage account holding the dead-letter container (the Functions host account).')
param deadLetterStorageName string
param deadLetterContainer string
param location string
param tags tagsType = {}

var blobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource returns 'Microsoft.Storage/storageAccounts@2026-09-01' existing = {
  name: returnsStorageName
}

resource deadLetterAccount 'Microsoft.Storage/storageAccounts@2026-09-01' existing = {
  name: deadLetterStorageName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource container 'containers' existing = {
      name: deadLetterContainer
    }
  }
}

resource app 'Microsoft.Web/sites@2025-03-01' existing = {
  name: functionAppName
}

var blobsKey = listKeys('${app.id}/host/default', '2025-03-01').systemKeys.blobs_extension
var triggers = [
  { function: 'IngestReturn', container: 'returns' }
  { function: 'LoadCatalogue', container: 'catalogue' }
]

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: '${returnsStorageName}-events'
  location: location
  tags: tags
  identity: { type: 'SystemAssigned' }
  properties: {
    source: returns.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

resource topicWritesDeadLetters 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: deadLetterAccount::blobService::container
  name: guid(deadLetterAccount::blobService::container.id, topic.id, blobDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataContributor)
    principalId: topic.identity.principalId
    principalType: 'ServicePrincipal'
    description: 'Event Grid writes undeliverable blob events here'
  }
}

resource subscriptions 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = [for trigger in triggers: {
  parent: topic
  name: toLower(trigger.function)
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${app.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${trigger.function}&code=${blobsKey}'
      }
    }
    filter: {
      includedEventTypes: ['Microsoft.Storage.BlobCreated']
      subjectBeginsWith: '/blobServices/default/containers/${trigger.container}/'
    }
    eventDeliverySchema: 'EventGridSchema'
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
    deadLetterWithResourceIdentity: {
      identity: { type: 'SystemAssigned' }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: deadLetterAccount.id
          blobContainerName: deadLetterContainer
        }
      }
    }
  }
  dependsOn: [topicWritesDeadLetters]
}]
