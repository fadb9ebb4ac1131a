import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Calendar, Card, Col, Empty, Row, Segmented, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { errorMessage } from '../../../components/errors';
import { UserPicker } from '../../../components/pickers';
import { useSession } from '../../../session';
import { fieldKeys } from '../keys';
import type { Visit, VisitStatus } from '../types';

type Mode = 'month' | 'week';

const badgeStatus: Record<VisitStatus, 'success' | 'processing' | 'default'> = {
  done: 'success',
  planned: 'processing',
  cancelled: 'default',
};

/** How many visits a month cell lists before "n more". */
const cellLimit = 3;

const monday = (day: Dayjs) => day.subtract((day.day() + 6) % 7, 'day').startOf('day');

function rangeOf(mode: Mode, anchor: Dayjs): [Dayjs, Dayjs] {
  if (mode === 'week') {
    const start = monday(anchor);
    return [start, start.add(6, 'day')];
  }
  return [anchor.startOf('month'), anchor.endOf('month').startOf('day')];
}

function VisitLine({ visit, onOpen }: { visit: Visit; onOpen: (id: number) => void }) {
  const time = visit.checkedInAt ? dayjs(visit.checkedInAt).format('HH:mm ') : '';
  return (
    <button
      type="button"
      onClick={(event) => {
        event.stopPropagation();
        onOpen(visit.id);
      }}
      title={visit.accountName}
      style={{
        all: 'unset',
        cursor: 'pointer',
        display: 'block',
        maxWidth: '100%',
        overflow: 'hidden',
        textOverflow: 'ellipsis',
        whiteSpace: 'nowrap',
      }}
    >
      <Badge
        status={badgeStatus[visit.status]}
        text={
          <Typography.Text delete={visit.status === 'cancelled'} style={{ fontSize: 12 }}>
            {time}
            {visit.accountName}
          </Typography.Text>
        }
      />
    </button>
  );
}

/** CUS-4: one rep's visits (mine by default) on a month or week grid; done green, planned blue, cancelled grey. */
export function VisitCalendarView({ onOpen, onPlanDay }: { onOpen: (id: number) => void; onPlanDay: (day: string) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const [repUserId, setRepUserId] = useState<number | null>(null);
  const [mode, setMode] = useState<Mode>('month');
  const [anchor, setAnchor] = useState(() => dayjs());
  const [from, to] = rangeOf(mode, anchor);
  const calendar = useQuery({
    queryKey: [...fieldKeys.calendar, repUserId, from.format('YYYY-MM-DD'), to.format('YYYY-MM-DD')],
    queryFn: () =>
      call(
        api.GET('/api/field/visits/calendar', {
          params: { query: { repUserId: repUserId ?? undefined, from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') } },
        }),
      ),
    placeholderData: (previous) => previous,
  });
  const byDay = new Map((calendar.data?.days ?? []).map((d) => [d.date, d.visits]));
  const visitsOn = (day: Dayjs) => byDay.get(day.format('YYYY-MM-DD')) ?? [];

  const toolbar = (
    <Space wrap>
      {session.scope.kind !== 'own' && (
        <div style={{ width: 240 }}>
          <UserPicker value={repUserId} onChange={(value) => setRepUserId(value ?? null)} placeholder={t('visit.myCalendar')} />
        </div>
      )}
      <Segmented<Mode>
        value={mode}
        onChange={setMode}
        options={[
          { value: 'month', label: t('visit.month') },
          { value: 'week', label: t('visit.week') },
        ]}
      />
      {mode === 'week' && (
        <Space.Compact>
          <Button icon={<LeftOutlined />} aria-label={t('visit.prevWeek')} onClick={() => setAnchor(anchor.subtract(7, 'day'))} />
          <Button onClick={() => setAnchor(dayjs())}>{t('visit.thisWeek')}</Button>
          <Button icon={<RightOutlined />} aria-label={t('visit.nextWeek')} onClick={() => setAnchor(anchor.add(7, 'day'))} />
        </Space.Compact>
      )}
      <Space size="middle">
        <Badge status="success" text={t('visit.legendDone')} />
        <Badge status="processing" text={t('visit.legendPlanned')} />
        <Badge status="default" text={t('visit.legendCancelled')} />
      </Space>
    </Space>
  );

  return (
    <Card>
      {toolbar}
      {calendar.error && (
        <Alert type="error" showIcon style={{ marginTop: 12 }} message={errorMessage(calendar.error, t('error.network'))} />
      )}
      {mode === 'month' ? (
        <Calendar
          value={anchor}
          onPanelChange={(value) => setAnchor(value)}
          onSelect={(value, info) => {
            if (info.source === 'date') setAnchor(value);
          }}
          cellRender={(day, info) => {
            if (info.type !== 'date') return info.originNode;
            if (!day.isSame(anchor, 'month')) return null;
            const visits = visitsOn(day);
            return (
              <div data-testid={`calendar-${day.format('YYYY-MM-DD')}`}>
                {visits.slice(0, cellLimit).map((visit) => (
                  <VisitLine key={visit.id} visit={visit} onOpen={onOpen} />
                ))}
                {visits.length > cellLimit && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('visit.more', { count: visits.length - cellLimit })}
                  </Typography.Text>
                )}
              </div>
            );
          }}
        />
      ) : (
        <Row gutter={[8, 8]} style={{ marginTop: 16 }} wrap={false}>
          {Array.from({ length: 7 }, (_, i) => from.add(i, 'day')).map((day) => {
            const visits = visitsOn(day);
            const past = day.isBefore(dayjs(), 'day');
            return (
              <Col key={day.format('YYYY-MM-DD')} flex="1 1 0" style={{ minWidth: 0 }}>
                <Card
                  size="small"
                  title={day.format('ddd MM-DD')}
                  style={day.isSame(dayjs(), 'day') ? { borderColor: '#1677ff' } : undefined}
                  extra={
                    past ? null : (
                      <Button type="link" size="small" onClick={() => onPlanDay(day.format('YYYY-MM-DD'))}>
                        +
                      </Button>
                    )
                  }
                  styles={{ body: { minHeight: 240 } }}
                >
                  {visits.length ? (
                    visits.map((visit) => <VisitLine key={visit.id} visit={visit} onOpen={onOpen} />)
                  ) : (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('visit.noVisits')} />
                  )}
                </Card>
              </Col>
            );
          })}
        </Row>
      )}
    </Card>
  );
}
