import { memo } from 'react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { parseEntityRef } from '@backstage/catalog-model';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import {
  CHECKS,
  type CheckId,
} from '@winready/plugin-windows-readiness-common';
import type { ReportFilters } from '../../api';
import { FilterSelect } from '../common';
import type { FilterOptions } from './reportRows';

const CHECK_TITLES = new Map<string, string>(CHECKS.map(c => [c.id, c.title]));

function refLabel(ref: string, defaultKind: string): string {
  try {
    return humanizeEntityRef(parseEntityRef(ref), { defaultKind });
  } catch {
    return ref;
  }
}

function RefSelect(props: {
  label: string;
  value?: string;
  options: string[];
  defaultKind?: string;
  onChange(value: string | undefined): void;
}) {
  const { defaultKind, ...rest } = props;
  return (
    <FilterSelect
      idPrefix="report-filter"
      optionLabel={
        defaultKind ? option => refLabel(option, defaultKind) : undefined
      }
      {...rest}
    />
  );
}

export interface FilterBarProps {
  filters: ReportFilters;
  options: FilterOptions;
  onChange(patch: Partial<ReportFilters> | null): void;
}

/** Owner, system, cluster and check filters (status is on the tiles). */
function FilterBarComponent(props: FilterBarProps) {
  const { filters, options, onChange } = props;
  return (
    <Grid container spacing={2} alignItems="center">
      <Grid item xs={12} sm={6} md={2}>
        <RefSelect
          label="Owner"
          value={filters.owner}
          options={options.owners}
          defaultKind="group"
          onChange={owner => onChange({ owner })}
        />
      </Grid>
      <Grid item xs={12} sm={6} md={2}>
        <RefSelect
          label="System"
          value={filters.system}
          options={options.systems}
          defaultKind="system"
          onChange={system => onChange({ system })}
        />
      </Grid>
      <Grid item xs={12} sm={6} md={2}>
        <RefSelect
          label="Cluster"
          value={filters.cluster}
          options={options.clusters}
          onChange={cluster => onChange({ cluster })}
        />
      </Grid>
      <Grid item xs={12} sm={6} md={4}>
        <Autocomplete
          multiple
          size="small"
          options={CHECKS.map(c => c.id) as CheckId[]}
          value={filters.check ?? []}
          getOptionLabel={id => CHECK_TITLES.get(id) ?? id}
          onChange={(_e, check) =>
            onChange({ check: check.length ? check : undefined })
          }
          renderInput={params => (
            <TextField
              {...params}
              variant="outlined"
              label="Failing, warning or unknown check"
            />
          )}
        />
      </Grid>
      <Grid item xs={12} md={2}>
        <Button onClick={() => onChange(null)} variant="text">
          Clear filters
        </Button>
      </Grid>
    </Grid>
  );
}

export const FilterBar = memo(FilterBarComponent);
