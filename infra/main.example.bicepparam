// Copy to main.bicepparam and fill in. Every value is a name or an object id: nothing secret.
using './main.bicep'

param namePrefix = 'pmf-ashby'
param location = 'uksouth'
param sqlAdminGroupName = 'PMF SQL administrators'
param sqlAdminGroupObjectId = '00000000-0000-0000-0000-000000000000'
param databaseName = 'pmf'
param pullSourcesSchedule = '0 15 * * * *'
param createEventSubscriptions = false

// Digests go as this shared mailbox through Microsoft Graph (or 'SmtpOAuth'), signed in with the
// app's identity: grant it Send on this mailbox only (docs/deploy.md, "Let the app mail as one mailbox").
param alertsTransport = 'Graph'
param alertsMailbox = 'performance@ashbyvale-brookmere.gov.uk'

// Each service's uploaders (an Entra group, or a Power Automate flow's identity) may write only
// under returns/<service code>/.
param serviceWriters = [
  { service: 'HOU', principalId: '11111111-1111-1111-1111-111111111111', principalType: 'Group' }
  { service: 'ASC', principalId: '22222222-2222-2222-2222-222222222222', principalType: 'Group' }
]

// Private endpoints for storage, Key Vault and SQL with their public access off, and the app's
// outbound traffic through a virtual network. Uploaders then need a network path to the returns
// account (docs/deploy.md, "Infrastructure").
param privateNetworking = false
