import type { TFunction } from 'i18next';
import type { AuditAction, ResourceType } from './audit-query';

export function resourceTypeLabel(t: TFunction, type: ResourceType): string {
  const labels: Record<ResourceType, string> = {
    program: t('auditLog.resourceTypes.program'),
    earning_rule: t('auditLog.resourceTypes.earning_rule'),
    tier: t('auditLog.resourceTypes.tier'),
    reward: t('auditLog.resourceTypes.reward'),
    referral_program: t('auditLog.resourceTypes.referral_program'),
    campaign: t('auditLog.resourceTypes.campaign'),
    api_key: t('auditLog.resourceTypes.api_key'),
    staff_user: t('auditLog.resourceTypes.staff_user'),
    member_tier: t('auditLog.resourceTypes.member_tier'),
    webhook_endpoint: t('auditLog.resourceTypes.webhook_endpoint'),
  };
  return labels[type];
}

export function actionLabel(t: TFunction, action: AuditAction): string {
  const labels: Record<AuditAction, string> = {
    create: t('auditLog.actions.create'),
    update: t('auditLog.actions.update'),
    delete: t('auditLog.actions.delete'),
    assign: t('auditLog.actions.assign'),
    revoke: t('auditLog.actions.revoke'),
    pause: t('auditLog.actions.pause'),
    resume: t('auditLog.actions.resume'),
    rotate: t('auditLog.actions.rotate'),
  };
  return labels[action];
}
