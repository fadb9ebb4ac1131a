import { AppstoreOutlined, DownloadOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { LightFilter, PageContainer, ProFormDateRangePicker, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import { App, Button, Card, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { Access, useAccess } from '../../../access';
import { api, call } from '../../../api/client';
import { useReportError } from '../../../components/errors';
import { downloadFile } from '../../../components/files';
import { LeadForm } from '../LeadForm';
import { sourceOptions } from '../options';
import { useLeadTeams } from '../queries';
import type { LeadFilter } from '../types';
import { type FilterValues, toLeadFilter } from './filters';
import { Kanban } from './Kanban';
import { LeadTable } from './LeadTable';

type View = 'board' | 'list';

/** People to filter by, searched on the server as one types. */
async function ownerOptions(keyWords: string | undefined) {
  const page = await call(api.GET('/api/org/users', { params: { query: { q: keyWords || undefined, limit: 20 } } }));
  return page.items.map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }));
}

function BoardFilter({ values, onChange }: { values: FilterValues; onChange: (values: FilterValues) => void }) {
  const { t } = useTranslation();
  const teams = useLeadTeams();
  return (
    <LightFilter<FilterValues> initialValues={values} onFinish={async (next) => onChange(next)} bordered>
      <ProFormText name="q" label={t('lead.keyword')} placeholder={t('lead.searchHint')} />
      <ProFormSelect name="source" label={t('lead.source')} options={sourceOptions(t)} />
      <ProFormSelect
        name="ownerUserId"
        label={t('lead.owner')}
        showSearch
        debounceTime={300}
        request={({ keyWords }) => ownerOptions(keyWords)}
      />
      <ProFormSelect
        name="teamId"
        label={t('lead.team')}
        options={(teams.data?.items ?? []).map((team) => ({ value: team.id, label: team.name }))}
      />
      <ProFormDateRangePicker name="period" label={t('lead.period')} />
    </LightFilter>
  );
}

/** CUS-7 lead board: the funnel's stages as columns, or the full list; new leads, assignment and export. */
export default function LeadBoardPage() {
  const { t } = useTranslation();
  const can = useAccess();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [search, setSearch] = useSearchParams();
  const view: View = search.get('view') === 'list' ? 'list' : 'board';
  // A link may open the board already filtered (a lead team's leads).
  const [values, setValues] = useState<FilterValues>(() => ({ teamId: Number(search.get('teamId')) || undefined }));
  const [filter, setFilter] = useState<LeadFilter>(() => toLeadFilter(values));
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);

  const exportList = async () => {
    setExporting(true);
    try {
      const name = await downloadFile('/api/customers/leads/export', filter, 'leads.xlsx');
      void message.success(t('lead.exported', { name }));
    } catch (error) {
      reportError(error);
    } finally {
      setExporting(false);
    }
  };

  const actions = [
    <Segmented<View>
      key="view"
      value={view}
      onChange={(next) => setSearch(next === 'list' ? { view: 'list' } : {}, { replace: true })}
      options={[
        { value: 'board', label: t('lead.board'), icon: <AppstoreOutlined /> },
        { value: 'list', label: t('lead.list'), icon: <UnorderedListOutlined /> },
      ]}
    />,
    can(Access.leadsExport) && (
      <Button key="export" icon={<DownloadOutlined />} loading={exporting} onClick={exportList}>
        {t('lead.export')}
      </Button>
    ),
    can(Access.leadsManage) && (
      <Button key="create" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
        {t('lead.create')}
      </Button>
    ),
  ].filter(Boolean);

  return (
    <PageContainer extra={actions}>
      {view === 'board' ? (
        <Card
          size="small"
          title={
            <BoardFilter
              values={values}
              onChange={(next) => {
                setValues(next);
                setFilter(toLeadFilter(next));
              }}
            />
          }
        >
          <Kanban filter={filter} onError={reportError} />
        </Card>
      ) : (
        <LeadTable
          initial={values}
          onFilter={(next, nextFilter) => {
            setValues(next);
            setFilter(nextFilter);
          }}
        />
      )}
      <LeadForm open={creating} onOpenChange={setCreating} onSaved={(lead) => void navigate(`/leads/${lead.id}`)} />
    </PageContainer>
  );
}
