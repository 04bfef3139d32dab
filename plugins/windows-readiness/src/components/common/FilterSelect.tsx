import TextField from '@material-ui/core/TextField';

export interface FilterSelectProps {
  /** Prefix of the field's id: `report-filter`, `workloads-filter`. */
  idPrefix: string;
  label: string;
  value?: string;
  options: string[];
  /** How an option reads; default the option itself. */
  optionLabel?(option: string): string;
  onChange(value: string | undefined): void;
}

/** A filter's select: "All" or one of the values the rows have. */
export function FilterSelect(props: FilterSelectProps) {
  const { idPrefix, label, value, optionLabel, onChange } = props;
  // A value from a shared link stays selectable even when no row has it.
  const options =
    value && !props.options.includes(value)
      ? [value, ...props.options]
      : props.options;
  return (
    <TextField
      id={`${idPrefix}-${label.toLowerCase()}`}
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
          {optionLabel ? optionLabel(option) : option}
        </option>
      ))}
    </TextField>
  );
}
