import { memo, useEffect, useState } from 'react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { CHECKS } from '@winready/plugin-windows-readiness-common';
import useDebounce from 'react-use/esm/useDebounce';
import { checkTitle, FilterSelect } from '../common';
import type { WorkloadFilterOptions } from './workloadGroups';
import type { WorkloadPageFilters } from './useWorkloadFilters';

function Select(props: {
  label: string;
  value?: string;
  options: string[];
  onChange(value: string | undefined): void;
}) {
  return <FilterSelect idPrefix="workloads-filter" {...props} />;
}

export interface WorkloadFilterBarProps {
  filters: WorkloadPageFilters;
  options: WorkloadFilterOptions;
  onChange(patch: Partial<WorkloadPageFilters> | null): void;
}

/** Cluster, namespace, owner, check and search (status is on the tiles). */
function WorkloadFilterBarComponent(props: WorkloadFilterBarProps) {
  const { filters, options, onChange } = props;
  // The search box answers each keystroke; the address follows once typing stops.
  const [search, setSearch] = useState(filters.q ?? '');
  useEffect(() => setSearch(filters.q ?? ''), [filters.q]);
  useDebounce(
    () => {
      if ((filters.q ?? '') !== search.trim()) {
        onChange({ q: search.trim() || undefined });
      }
    },
    300,
    [search],
  );
  return (
    <Grid container spacing={2} alignItems="center">
      <Grid item xs={12} sm={6} md={2}>
        <Select
          label="Cluster"
          value={filters.cluster}
          options={options.clusters}
          // Another cluster's namespace would match nothing.
          onChange={cluster => onChange({ cluster, namespace: undefined })}
        />
      </Grid>
      <Grid item xs={12} sm={6} md={2}>
        <Select
          label="Namespace"
          value={filters.namespace}
          options={options.namespaces}
          onChange={namespace => onChange({ namespace })}
        />
      </Grid>
      <Grid item xs={12} sm={6} md={2}>
        <Select
          label="Owner"
          value={filters.owner}
          options={options.owners}
          onChange={owner => onChange({ owner })}
        />
      </Grid>
      <Grid item xs={12} sm={6} md={3}>
        <Autocomplete
          multiple
          size="small"
          options={CHECKS.map(c => c.id) as string[]}
          value={filters.check ?? []}
          getOptionLabel={checkTitle}
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
      <Grid item xs={12} sm={8} md={2}>
        <TextField
          id="workloads-filter-search"
          fullWidth
          variant="outlined"
          size="small"
          label="Search"
          placeholder="Name, owner or image"
          value={search}
          onChange={e => setSearch(e.target.value)}
          InputLabelProps={{ shrink: true }}
        />
      </Grid>
      <Grid item xs={12} sm={4} md={1}>
        <Button onClick={() => onChange(null)} variant="text">
          Clear
        </Button>
      </Grid>
    </Grid>
  );
}

export const WorkloadFilterBar = memo(WorkloadFilterBarComponent);
