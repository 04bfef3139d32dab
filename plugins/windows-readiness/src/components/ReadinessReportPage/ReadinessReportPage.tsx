import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import {
  Content,
  ContentHeader,
  Header,
  Page,
  SupportButton,
} from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import { windowsReadinessReportReadPermission } from '@winready/plugin-windows-readiness-common';
import { useSearchParams } from 'react-router-dom';
import { NodePoolsView } from '../NodePoolsView';
import { parseTaintWhatIfLink } from '../TaintWhatIf';
import { UnownedWorkloadsView } from '../UnownedWorkloads';
import { ReportOverview } from './ReportOverview';

type View = 'report' | 'pools' | 'workloads';

const VIEWS: Array<{ id: View; label: string }> = [
  { id: 'report', label: 'Services' },
  { id: 'pools', label: 'Node pools' },
  // Cluster data: only for holders of windows-readiness.report.read.
  { id: 'workloads', label: 'Workloads without a catalog entity' },
];

function viewOf(params: URLSearchParams): View {
  const view = params.get('view');
  return view === 'pools' || view === 'workloads' ? view : 'report';
}

export interface ReadinessReportPageProps {
  title?: string;
  subtitle?: string;
  /** The instant ages and days left count from (default: now). */
  now?: Date;
}

/** The org-wide Windows readiness report (route `/windows-readiness`). */
export function ReadinessReportPage(props: ReadinessReportPageProps) {
  const {
    title = 'Windows readiness',
    subtitle = 'Will your Windows containers start, keep running and survive the next node pool upgrade on AKS?',
    now,
  } = props;
  const [params, setParams] = useSearchParams();
  const view = viewOf(params);
  const { allowed: mayReadWorkloads } = usePermission({
    permission: windowsReadinessReportReadPermission,
  });
  const views = VIEWS.filter(v => v.id !== 'workloads' || mayReadWorkloads);
  const viewTitle = VIEWS.find(v => v.id === view)!.label;
  const onTab = (_e: unknown, next: string) =>
    setParams(current => {
      const copy = new URLSearchParams(current);
      if (next === 'report') copy.delete('view');
      else copy.set('view', next);
      return copy;
    });
  return (
    <Page themeId="tool">
      <Header title={title} subtitle={subtitle} />
      <Content>
        <ContentHeader title={viewTitle}>
          <SupportButton>
            Readiness of every service for Windows containers on AKS: filters
            stay in the address, so a link shares the same view.
          </SupportButton>
        </ContentHeader>
        <Box mb={2}>
          <Tabs
            value={views.some(v => v.id === view) ? view : false}
            onChange={onTab}
            indicatorColor="primary"
          >
            {views.map(v => (
              <Tab key={v.id} value={v.id} label={v.label} />
            ))}
          </Tabs>
        </Box>
        {view === 'pools' && (
          <NodePoolsView
            cluster={params.get('cluster') ?? undefined}
            now={now}
            taintWhatIf={parseTaintWhatIfLink(params)}
          />
        )}
        {/* A link without the permission gets the view's quiet note. */}
        {view === 'workloads' && <UnownedWorkloadsView now={now} />}
        {view === 'report' && <ReportOverview now={now} />}
      </Content>
    </Page>
  );
}
