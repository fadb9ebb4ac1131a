import { PlusOutlined, ScheduleOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Access, useAccess } from '../../../access';
import { CheckInForm } from '../CheckInForm';
import { PlanVisitForm } from '../PlanVisitForm';
import { VisitDrawer } from '../VisitDrawer';
import { PlanTable } from './PlanTable';
import { VisitCalendarView } from './VisitCalendarView';
import { VisitTable } from './VisitTable';

type Tab = 'calendar' | 'list' | 'plans';
const tabs: Tab[] = ['calendar', 'list', 'plans'];

/** CUS-4 拜访: the calendar, the list with export, the weekly plans, and the check-in form. */
export default function VisitsPage() {
  const { t } = useTranslation();
  const can = useAccess();
  const [search, setSearch] = useSearchParams();
  const tab = tabs.find((key) => key === search.get('tab')) ?? 'calendar';
  const [openId, setOpenId] = useState<number | null>(null);
  const [recording, setRecording] = useState(search.get('record') === '1');
  const [planning, setPlanning] = useState<{ day?: string } | null>(null);
  const mayRecord = can(Access.fieldVisitsRecord);

  return (
    <PageContainer
      tabActiveKey={tab}
      onTabChange={(key) => setSearch({ tab: key }, { replace: true })}
      tabList={tabs.map((key) => ({ key, tab: t(`visit.${key}`) }))}
      extra={
        mayRecord ? (
          <Space>
            <Button icon={<ScheduleOutlined />} onClick={() => setPlanning({})}>
              {t('visit.plan')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
              {t('visit.record')}
            </Button>
          </Space>
        ) : null
      }
    >
      {tab === 'calendar' && <VisitCalendarView onOpen={setOpenId} onPlanDay={(day) => setPlanning({ day })} />}
      {tab === 'list' && <VisitTable onOpen={setOpenId} />}
      {tab === 'plans' && <PlanTable onOpen={setOpenId} onPlan={() => setPlanning({})} />}
      <VisitDrawer id={openId} onClose={() => setOpenId(null)} />
      <CheckInForm open={recording} onOpenChange={setRecording} />
      <PlanVisitForm open={planning !== null} onOpenChange={(open) => !open && setPlanning(null)} day={planning?.day} />
    </PageContainer>
  );
}
