// Optional private networking: a virtual network with a subnet for the function app's outbound traffic
// (delegated to Microsoft.App/environments, as Flex Consumption requires) and one for private endpoints,
// and the private DNS zones that make the services' usual host names resolve to those endpoints.
import { tagsType, privateDnsZoneIdsType } from '../types.bicep'

param name string
param location string
@description('Address space of the virtual network, e.g. 10.60.0.0/24; the two subnets take its halves.')
param addressPrefix string
param tags tagsType = {}

// Key Vault's private link zone has no environment() suffix; this is the public cloud's.
var zones = {
  blob: 'privatelink.blob.${environment().suffixes.storage}'
  queue: 'privatelink.queue.${environment().suffixes.storage}'
  table: 'privatelink.table.${environment().suffixes.storage}'
  vault: 'privatelink.vaultcore.azure.net'
  sql: 'privatelink${environment().suffixes.sqlServerHostname}'
}

resource vnet 'Microsoft.Network/virtualNetworks@2026-03-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: { addressPrefixes: [addressPrefix] }
    subnets: [
      {
        name: 'functions'
        properties: {
          addressPrefix: cidrSubnet(addressPrefix, int(split(addressPrefix, '/')[1]) + 1, 0)
          delegations: [
            {
              name: 'flex-consumption'
              properties: { serviceName: 'Microsoft.App/environments' }
            }
          ]
        }
      }
      {
        name: 'private-endpoints'
        properties: {
          addressPrefix: cidrSubnet(addressPrefix, int(split(addressPrefix, '/')[1]) + 1, 1)
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }

  resource functionsSubnet 'subnets' existing = {
    name: 'functions'
  }

  resource endpointSubnet 'subnets' existing = {
    name: 'private-endpoints'
  }
}

resource dnsZones 'Microsoft.Network/privateDnsZones@2024-06-01' = [for zone in items(zones): {
  name: zone.value
  location: 'global'
  tags: tags
}]

resource links 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [for (zone, i) in items(zones): {
  parent: dnsZones[i]
  name: '${name}-link'
  location: 'global'
  tags: tags
  properties: {
    virtualNetwork: { id: vnet.id }
    registrationEnabled: false
  }
}]

output functionsSubnetId string = vnet::functionsSubnet.id
output endpointSubnetId string = vnet::endpointSubnet.id
output dnsZoneIds privateDnsZoneIdsType = {
  blob: resourceId('Microsoft.Network/privateDnsZones', zones.blob)
  queue: resourceId('Microsoft.Network/privateDnsZones', zones.queue)
  table: resourceId('Microsoft.Network/privateDnsZones', zones.table)
  vault: resourceId('Microsoft.Network/privateDnsZones', zones.vault)
  sql: resourceId('Microsoft.Network/privateDnsZones', zones.sql)
}
