import { memo, useMemo } from 'react';
import MuiLink from '@material-ui/core/Link';
import { Table, type TableColumn } from '@backstage/core-components';
import { parseEntityRef } from '@backstage/catalog-model';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import {
  SERVICE_STATUSES,
  type ReportSummary,
} from '@winready/plugin-windows-readiness-common';
import { STATUS_LABELS } from '../common';
import { ownerRows, type OwnerRow } from './reportRows';

/** `team-web` for `group:default/team-web`, as the catalog shows owners. */
export function ownerLabel(ref: string): string {
  try {
    return humanizeEntityRef(parseEntityRef(ref), { defaultKind: 'group' });
  } catch {
    return ref;
  }
}

export interface OwnerTableProps {
  byOwner: ReportSummary['byOwner'];
  /** Called with the owner's ref when its name is clicked. */
  onSelectOwner(owner: string): void;
}

/** Services per owner and status, the most blocked owners first. */
function OwnerTableComponent(props: OwnerTableProps) {
  const { byOwner, onSelectOwner } = props;
  const data = useMemo(
    () => ownerRows(byOwner).map(row => ({ ...row, id: row.owner })),
    [byOwner],
  );
  const columns = useMemo<TableColumn<OwnerRow>[]>(
    () => [
      {
        title: 'Owner',
        field: 'owner',
        render: row => (
          <MuiLink
            component="button"
            variant="body2"
            style={{ textAlign: 'left' }}
            onClick={() => onSelectOwner(row.owner)}
            aria-label={`Filter by owner ${ownerLabel(row.owner)}`}
          >
            {ownerLabel(row.owner)}
          </MuiLink>
        ),
      },
      ...SERVICE_STATUSES.map(
        (status): TableColumn<OwnerRow> => ({
          title: STATUS_LABELS[status],
          field: status,
          type: 'numeric',
        }),
      ),
      { title: 'Total', field: 'total', type: 'numeric' },
    ],
    [onSelectOwner],
  );
  return (
    <Table<OwnerRow>
      title="Services per owner"
      columns={columns}
      data={data}
      options={{
        paging: data.length > 10,
        pageSize: 10,
        pageSizeOptions: [10, 25, 50],
        emptyRowsWhenPaging: false,
        padding: 'dense',
        search: data.length > 10,
      }}
      emptyContent={<div style={{ padding: 16 }}>No service has an owner.</div>}
    />
  );
}

export const OwnerTable = memo(OwnerTableComponent);
