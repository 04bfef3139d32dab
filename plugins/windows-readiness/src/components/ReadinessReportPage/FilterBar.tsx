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
import type { FilterOptions } from './reportRows';

const CHECK_TITLES = new Map<string, string>(CHECKS.map(c => [c.id, c.title]));

function refLabel(ref: string, defaultKind: string): string {
  try {
    return humanizeEntityRef(parseEntityRef(ref), { defaultKind });
  } catch {
    return ref;
  }
}

interface RefSelectProps {
  label: string;
  value?: string;
  options: string[];
  defaultKind?: string;
  onChange(value: string | undefined): void;
}

function RefSelect(props: RefSelectProps) {
  const { label, value, defaultKind, onChange } = props;
  // A value from a shared link stays selectable even when no row has it.
  const options =
    value && !props.options.includes(value)
      ? [value, ...props.options]
      : props.options;
  return (
    <TextField
      id={`report-filter-${label.toLowerCase()}`}
      select
      fullWidth
      variant="outlined"
      size="small"
      label={label}
      value={value ?? ''}
      onChange={e => onChange(e.target.value || undefined)}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
    >
      <option value="">All</option>
      {options.map(option => (
        <option key={option} value={option}>
          {defaultKind ? refLabel(option, defaultKind) : option}
        </option>
      ))}
    </TextField>
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
