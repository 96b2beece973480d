// Event Grid delivers BlobCreated events to the blob triggers (Flex Consumption runs blob triggers
// only this way). The webhook address carries the app's blobs_extension system key, read here at
// deployment time with listKeys and passed straight to Event Grid: it is in no template or output.
// Deploy this after the app's code, when the blob extension (and its key) exists.
param returnsStorageId string
param returnsStorageName string
param functionAppName string
param location string
param tags object = {}

resource app 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

var blobsKey = listKeys('${app.id}/host/default', '2024-04-01').systemKeys.blobs_extension
var triggers = [
  { function: 'IngestReturn', container: 'returns' }
  { function: 'LoadCatalogue', container: 'catalogue' }
]

resource topic 'Microsoft.EventGrid/systemTopics@2024-06-01-preview' = {
  name: '${returnsStorageName}-events'
  location: location
  tags: tags
  properties: {
    source: returnsStorageId
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

resource subscriptions 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2024-06-01-preview' = [for trigger in triggers: {
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
  }
}]
