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
import { useSearchParams } from 'react-router-dom';
import { NodePoolsView } from '../NodePoolsView';
import { ReportOverview } from './ReportOverview';

const VIEWS = [
  { id: 'report', label: 'Services' },
  { id: 'pools', label: 'Node pools' },
] as const;

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
  const view = params.get('view') === 'pools' ? 'pools' : 'report';
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
        <ContentHeader title={view === 'pools' ? 'Node pools' : 'Services'}>
          <SupportButton>
            Readiness of every service for Windows containers on AKS: filters
            stay in the address, so a link shares the same view.
          </SupportButton>
        </ContentHeader>
        <Box mb={2}>
          <Tabs value={view} onChange={onTab} indicatorColor="primary">
            {VIEWS.map(v => (
              <Tab key={v.id} value={v.id} label={v.label} />
            ))}
          </Tabs>
        </Box>
        {view === 'pools' ? (
          <NodePoolsView
            cluster={params.get('cluster') ?? undefined}
            now={now}
          />
        ) : (
          <ReportOverview now={now} />
        )}
      </Content>
    </Page>
  );
}
