import { memo, useMemo } from 'react';
import Typography from '@material-ui/core/Typography';
import { Table, type TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  compareStatus,
  type CheckId,
  type ReportRow,
} from '@winready/plugin-windows-readiness-common';
import { StatusChip } from '../common';
import { checkTitle } from '../common';

export const SERVICES_PAGE_SIZE = 20;

function CheckList(props: {
  ids: CheckId[];
  /** Per check, why it could not tell (unknown checks). */
  reasons?: Partial<Record<CheckId, string>>;
}) {
  if (!props.ids.length) return null;
  return (
    <>
      {props.ids.map(id => (
        <Typography key={id} variant="body2" title={props.reasons?.[id] ?? id}>
          {checkTitle(id)}
        </Typography>
      ))}
    </>
  );
}

// Three lines at most: the whole text is one hover away and on the entity tab.
function Summary(props: { text?: string }) {
  if (!props.text) return null;
  return (
    <Typography
      variant="body2"
      title={props.text}
      style={{
        display: '-webkit-box',
        WebkitLineClamp: 3,
        WebkitBoxOrient: 'vertical',
        overflow: 'hidden',
      }}
    >
      {props.text}
    </Typography>
  );
}

function RefCell(props: { entityRef?: string; defaultKind: string }) {
  if (!props.entityRef) return <>–</>;
  return (
    <EntityRefLink
      entityRef={props.entityRef}
      defaultKind={props.defaultKind}
      hideIcon
    />
  );
}

// Static: material-table resets its state when the columns change identity.
const COLUMNS: TableColumn<ReportRow>[] = [
  {
    title: 'Service',
    field: 'title',
    highlight: true,
    render: row => (
      <EntityRefLink entityRef={row.entityRef} title={row.title} hideIcon />
    ),
  },
  {
    title: 'Status',
    field: 'status',
    defaultSort: 'desc',
    customSort: (a, b) =>
      compareStatus(a.status, b.status) || b.title.localeCompare(a.title),
    render: row => <StatusChip status={row.status} />,
  },
  {
    title: 'Owner',
    field: 'owner',
    render: row => <RefCell entityRef={row.owner} defaultKind="group" />,
  },
  {
    title: 'System',
    field: 'system',
    render: row => <RefCell entityRef={row.system} defaultKind="system" />,
  },
  {
    title: 'Clusters',
    field: 'clusters',
    customSort: (a, b) =>
      a.clusters.join(' ').localeCompare(b.clusters.join(' ')),
    render: row => row.clusters.join(', '),
  },
  {
    title: 'Failing',
    field: 'failing',
    customSort: (a, b) => a.failing.length - b.failing.length,
    render: row => <CheckList ids={row.failing} />,
  },
  {
    title: 'Warning',
    field: 'warning',
    customSort: (a, b) => a.warning.length - b.warning.length,
    render: row => <CheckList ids={row.warning} />,
  },
  {
    // DESIGN.md rule 8: what could not be told, next to what fails and warns.
    title: 'Cannot tell',
    field: 'unknown',
    customSort: (a, b) => (a.unknown ?? []).length - (b.unknown ?? []).length,
    render: row => (
      <CheckList ids={row.unknown ?? []} reasons={row.unknownReasons} />
    ),
  },
  {
    title: 'Summary',
    field: 'summary',
    width: '30%',
    render: row => <Summary text={row.summary} />,
  },
];

export interface ServicesTableProps {
  rows: readonly ReportRow[];
  title?: string;
}

/**
 * The services of the report, sorted and paged on the client: only one page
 * of rows is in the DOM, whatever the size of the report.
 */
function ServicesTableComponent(props: ServicesTableProps) {
  const { rows, title } = props;
  // material-table writes `tableData` into its rows: give it copies.
  const data = useMemo(() => rows.map(row => ({ ...row })), [rows]);
  const paged = rows.length > SERVICES_PAGE_SIZE;
  const options = useMemo(
    () => ({
      paging: paged,
      pageSize: SERVICES_PAGE_SIZE,
      pageSizeOptions: [SERVICES_PAGE_SIZE, 50, 100],
      emptyRowsWhenPaging: false,
      padding: 'dense' as const,
      search: true,
      debounceInterval: 250,
    }),
    [paged],
  );
  return (
    <Table<ReportRow>
      title={title ?? `Services (${rows.length.toLocaleString('en-US')})`}
      columns={COLUMNS}
      data={data}
      options={options}
      emptyContent={
        <Typography color="textSecondary" style={{ padding: 16 }}>
          No service matches these filters.
        </Typography>
      }
    />
  );
}

export const ServicesTable = memo(ServicesTableComponent);
