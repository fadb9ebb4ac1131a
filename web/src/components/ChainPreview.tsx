import { useQuery } from '@tanstack/react-query';
import { Space, Steps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { keys } from '../api/queries';
import type { ChainPreview as Chain } from '../api/types';

export interface PreviewRequest {
  type: string;
  requesterId: number;
  /** Fen; null for types without an amount. */
  amount: number | null;
}

/** Who would approve (POST /api/approvals/preview); nothing is created. */
export function useChainPreview(request: PreviewRequest | null) {
  return useQuery({
    queryKey: [...keys.approvals, 'preview', request],
    queryFn: () => call(api.POST('/api/approvals/preview', { body: request as PreviewRequest })),
    enabled: request !== null,
    placeholderData: (previous) => previous,
  });
}

/** A resolved chain as people read it: step by step with the approvers' names, then the skipped steps and why. */
export function ChainPreview({ chain }: { chain: Chain }) {
  const { t } = useTranslation();
  if (chain.steps.length === 0) return <Typography.Text type="success">{t('approvalDef.approvedAtOnce')}</Typography.Text>;
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }} data-testid="chain-preview">
      <Steps
        direction="vertical"
        size="small"
        current={-1}
        items={chain.steps.map((step, index) => ({
          title: t('approval.stepN', { n: index + 1, name: step.name }),
          subTitle: <Tag>{t(`stepMode.${step.mode}`)}</Tag>,
          description: step.approvers.map((person) => person.displayName).join(t('approval.separator')) || '–',
        }))}
      />
      {chain.skipped.length > 0 && (
        <Typography.Text type="secondary">
          {t('approvalDef.skippedSteps')}
          {chain.skipped
            .map((step) => t('approvalDef.skippedStep', { name: step.name, reason: t(`skipReason.${step.reason}`) }))
            .join(t('approval.separator'))}
        </Typography.Text>
      )}
    </Space>
  );
}
