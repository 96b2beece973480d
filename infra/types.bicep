// Shared user-defined types for main.bicep and its modules.

@export()
@description('Resource tags: names to string values.')
type tagsType = {
  *: string
}

@export()
@description('A service that uploads returns, and who does the uploading.')
type serviceWriterType = {
  @description('The service code, as in the catalogue, e.g. HOU: the writer may write only under returns/<service>/.')
  service: string

  @description('Object id of the Entra group, user or service principal (e.g. a Power Automate flow\'s identity).')
  principalId: string

  @description('What kind of principal principalId is; Group when left out.')
  principalType: ('Group' | 'User' | 'ServicePrincipal')?
}

@export()
@description('Where the private endpoints go and the function app\'s outbound subnet, when private networking is on.')
type privateNetworkType = {
  @description('Subnet for the private endpoints of storage, Key Vault and SQL.')
  endpointSubnetId: string

  @description('Private DNS zone ids by service.')
  dnsZoneIds: privateDnsZoneIdsType
}

@export()
@description('Private DNS zone ids by service.')
type privateDnsZoneIdsType = {
  blob: string
  queue: string
  table: string
  vault: string
  sql: string
}
