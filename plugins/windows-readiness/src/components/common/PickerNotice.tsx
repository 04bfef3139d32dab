import CircularProgress from '@material-ui/core/CircularProgress';
import InputAdornment from '@material-ui/core/InputAdornment';
import TextField from '@material-ui/core/TextField';

export interface PickerNoticeProps {
  id?: string;
  label: string;
  required?: boolean;
  /** loading: a spinner; error: the field turns red; empty: nothing to choose. */
  state: 'loading' | 'error' | 'empty';
  message: string;
}

/**
 * A scaffolder picker that has nothing to offer yet: a disabled input in the
 * place of the list, with the reason under it.
 */
export function PickerNotice(props: PickerNoticeProps) {
  const { id, label, required, state, message } = props;
  return (
    <TextField
      id={id}
      label={label}
      required={required}
      disabled
      fullWidth
      margin="dense"
      variant="outlined"
      value=""
      error={state === 'error'}
      helperText={message}
      InputProps={
        state === 'loading'
          ? {
              endAdornment: (
                <InputAdornment position="end">
                  <CircularProgress size={20} data-testid="picker-progress" />
                </InputAdornment>
              ),
            }
          : undefined
      }
    />
  );
}
