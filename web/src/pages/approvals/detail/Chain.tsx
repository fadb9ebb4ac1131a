import { Space, Steps, type StepsProps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApprovalDetail } from '../../../api/types';
import { TaskStatusTag } from '../../../components/ApprovalStatusTag';

type Task = ApprovalDetail['tasks'][number];
type Step = ApprovalDetail['chain'][number];
type StepStatus = NonNullable<StepsProps['status']>;

function stepStatus(approval: ApprovalDetail, step: Step, tasks: Task[]): StepStatus {
  if (step.skipped) return 'wait';
  if (tasks.some((task) => task.status === 'rejected' || task.status === 'returned')) return 'error';
  if (tasks.some((task) => task.status === 'pending')) return approval.status === 'pending' ? 'process' : 'wait';
  return tasks.some((task) => task.status === 'approved') ? 'finish' : 'wait';
}

/** Who decides a step and where each of them stands; a step not reached yet names the people it resolved to. */
function StepApprovers({ step, tasks }: { step: Step; tasks: Task[] }) {
  const { t } = useTranslation();
  if (step.skipped) {
    return <Typography.Text type="secondary">{t('approval.skipped', { reason: t(`skipReason.${step.skipped}`) })}</Typography.Text>;
  }
  if (tasks.length === 0) {
    return (
      <Space size={6} wrap>
        <span>{step.approvers.map((person) => person.displayName).join(t('approval.separator')) || '–'}</span>
        <Tag>{t('approval.notYet')}</Tag>
      </Space>
    );
  }
  return (
    <Space direction="vertical" size={2}>
      {tasks.map((task) => (
        <Space key={task.id} size={6} wrap>
          <span>{task.approverName}</span>
          <TaskStatusTag status={task.status} />
          {task.comment && <Typography.Text type="secondary">“{task.comment}”</Typography.Text>}
        </Space>
      ))}
    </Space>
  );
}

/** The chain of the current round, step by step. */
export function Chain({ approval }: { approval: ApprovalDetail }) {
  const { t } = useTranslation();
  if (approval.chain.length === 0) return <Typography.Text type="secondary">{t('approval.noChain')}</Typography.Text>;
  const items = approval.chain.map((step, index) => {
    const tasks = approval.tasks.filter((task) => task.round === approval.round && task.stepIndex === index);
    return {
      title: t('approval.stepN', { n: index + 1, name: step.name }),
      subTitle: <Tag>{t(`stepMode.${step.mode}`)}</Tag>,
      status: stepStatus(approval, step, tasks),
      description: <StepApprovers step={step} tasks={tasks} />,
    };
  });
  return <Steps direction="vertical" size="small" items={items} />;
}
