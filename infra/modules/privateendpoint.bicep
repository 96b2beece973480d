// A private endpoint for one sub-resource of a service, registered in its private DNS zone.
import { tagsType } from '../types.bicep'

param name string
param location string
@description('Resource id of the storage account, key vault or SQL server.')
param targetId string
@description('The sub-resource: blob, queue, table, vault or sqlServer.')
param groupId string
param subnetId string
param dnsZoneId string
param tags tagsType = {}

resource endpoint 'Microsoft.Network/privateEndpoints@2026-03-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    subnet: { id: subnetId }
    privateLinkServiceConnections: [
      {
        name: name
        properties: {
          privateLinkServiceId: targetId
          groupIds: [groupId]
        }
      }
    ]
  }
}

resource zoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2026-03-01' = {
  parent: endpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: groupId
        properties: { privateDnsZoneId: dnsZoneId }
      }
    ]
  }
}
