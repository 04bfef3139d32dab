import { memo, useCallback, useMemo, useState } from 'react';
import Typography from '@material-ui/core/Typography';
import { Table, type TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  compareStatus,
  type CheckId,
  type ReportRow,
} from '@winready/plugin-windows-readiness-common';
import { STATUS_LABELS, StatusChip, checkTitle } from '../common';

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

const shortRef = (ref?: string) =>
  ref?.replace(/^[^:]*:(default\/)?/, '') ?? '';

/** What the search box finds in each column: the text the column shows. */
const SEARCHED: Record<string, (row: ReportRow) => string> = {
  title: row => `${row.title} ${row.entityRef}`,
  status: row => STATUS_LABELS[row.status],
  owner: row => shortRef(row.owner),
  system: row => shortRef(row.system),
  clusters: row => row.clusters.join(' '),
  failing: row => row.failing.map(id => `${id} ${checkTitle(id)}`).join(' '),
  warning: row => row.warning.map(id => `${id} ${checkTitle(id)}`).join(' '),
  unknown: row => row.unknown.map(id => `${id} ${checkTitle(id)}`).join(' '),
  summary: row => row.summary ?? '',
};

function found(text: string, search: string): boolean {
  return text.toLocaleLowerCase('en-US').includes(search);
}

/** The search box's rule, for the table and for the count in its title. */
export function matchesSearch(row: ReportRow, search: string): boolean {
  const wanted = search.trim().toLocaleLowerCase('en-US');
  return (
    !wanted || Object.values(SEARCHED).some(text => found(text(row), wanted))
  );
}

const searchable = (field: string) => ({
  customFilterAndSearch: (search: string, row: ReportRow) =>
    found(SEARCHED[field](row), search.trim().toLocaleLowerCase('en-US')),
});

// Static: material-table resets its state when the columns change identity.
const BASE_COLUMNS: TableColumn<ReportRow>[] = [
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
    // docs/rules.md rule 8: what could not be told, next to what fails and warns.
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
const COLUMNS = BASE_COLUMNS.map(column => ({
  ...column,
  ...searchable(column.field as string),
}));

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
  // material-table writes `tableData` into its rows: give it copies, with ids.
  const data = useMemo(
    () => rows.map(row => ({ ...row, id: row.entityRef })),
    [rows],
  );
  const [search, setSearch] = useState('');
  const onStateChange = useCallback(
    (state: { search?: string }) => setSearch(state.search ?? ''),
    [],
  );
  const shown = useMemo(
    () =>
      search.trim()
        ? rows.filter(row => matchesSearch(row, search)).length
        : rows.length,
    [rows, search],
  );
  const count =
    shown === rows.length
      ? rows.length.toLocaleString('en-US')
      : `${shown.toLocaleString('en-US')} of ${rows.length.toLocaleString(
          'en-US',
        )}`;
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
      title={title ?? `Services (${count})`}
      columns={COLUMNS}
      data={data}
      options={options}
      onStateChange={onStateChange}
      emptyContent={
        <Typography color="textSecondary" style={{ padding: 16 }}>
          No service matches these filters.
        </Typography>
      }
    />
  );
}

export const ServicesTable = memo(ServicesTableComponent);
