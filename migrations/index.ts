// The one linear history of schema changes, oldest first. `npm run migration:generate -- Name`
// appends to this list.
import { FoundationApiKeysAndMembers1795503970151 } from './1795503970151-FoundationApiKeysAndMembers';
import { PointsLedgerLotsAndIdempotency1795504541328 } from './1795504541328-PointsLedgerLotsAndIdempotency';
import { CheckoutOrdersAndEarningRules1795506873178 } from './1795506873178-CheckoutOrdersAndEarningRules';
import { TiersAndMemberTiers1795507505715 } from './1795507505715-TiersAndMemberTiers';
import { InsightModelsAndMemberScores1795507792211 } from './1795507792211-InsightModelsAndMemberScores';
import { ReferralsAndGoodwillLimits1795507852910 } from './1795507852910-ReferralsAndGoodwillLimits';
import { RewardsCatalogAndCoupons1795508048963 } from './1795508048963-RewardsCatalogAndCoupons';
import { SurpriseAndDelightCampaigns1795508272851 } from './1795508272851-SurpriseAndDelightCampaigns';
import { IndexMemberInsightsForAudiences1795508766752 } from './1795508766752-IndexMemberInsightsForAudiences';
import { MemberSearchPhonesAndTierHolds1796017254206 } from './1796017254206-MemberSearchPhonesAndTierHolds';
import { CampaignRunValueBasis1796017495028 } from './1796017495028-CampaignRunValueBasis';
import { AuditLogOfConfigurationChanges1796018929732 } from './1796018929732-AuditLogOfConfigurationChanges';
import { StaffUsersAndSessions1796018954190 } from './1796018954190-StaffUsersAndSessions';
import { IndexCampaignAssignmentsByRunGroup1796026569168 } from './1796026569168-IndexCampaignAssignmentsByRunGroup';
import { EventOutbox1796028931233 } from './1796028931233-EventOutbox';
import { MemberNotifications1796029224020 } from './1796029224020-MemberNotifications';
import { WebhookEndpointsAndDeliveries1796029600594 } from './1796029600594-WebhookEndpointsAndDeliveries';
import { WebhookFanOutCursorAndAttemptsInRow1796030767111 } from './1796030767111-WebhookFanOutCursorAndAttemptsInRow';
import { OrderNetValues1796037884052 } from './1796037884052-OrderNetValues';
import { MemberProfilesMemberScoresAndEventLogViews1796037897964 } from './1796037897964-MemberProfilesMemberScoresAndEventLogViews';
import { IndexReturnedOrderLines1796039169526 } from './1796039169526-IndexReturnedOrderLines';
import { EventsKeyedByMember1796055015328 } from './1796055015328-EventsKeyedByMember';
import { MemberIdentityLookup1796055067859 } from './1796055067859-MemberIdentityLookup';
import { OrderIdLookupAndMemberScopedIdempotency1796055083029 } from './1796055083029-OrderIdLookupAndMemberScopedIdempotency';

export const MIGRATIONS = [
  FoundationApiKeysAndMembers1795503970151,
  PointsLedgerLotsAndIdempotency1795504541328,
  CheckoutOrdersAndEarningRules1795506873178,
  TiersAndMemberTiers1795507505715,
  InsightModelsAndMemberScores1795507792211,
  ReferralsAndGoodwillLimits1795507852910,
  RewardsCatalogAndCoupons1795508048963,
  SurpriseAndDelightCampaigns1795508272851,
  IndexMemberInsightsForAudiences1795508766752,
  MemberSearchPhonesAndTierHolds1796017254206,
  CampaignRunValueBasis1796017495028,
  AuditLogOfConfigurationChanges1796018929732,
  StaffUsersAndSessions1796018954190,
  IndexCampaignAssignmentsByRunGroup1796026569168,
  EventOutbox1796028931233,
  MemberNotifications1796029224020,
  WebhookEndpointsAndDeliveries1796029600594,
  WebhookFanOutCursorAndAttemptsInRow1796030767111,
  OrderNetValues1796037884052,
  MemberProfilesMemberScoresAndEventLogViews1796037897964,
  IndexReturnedOrderLines1796039169526,
  EventsKeyedByMember1796055015328,
  MemberIdentityLookup1796055067859,
  OrderIdLookupAndMemberScopedIdempotency1796055083029,
];
