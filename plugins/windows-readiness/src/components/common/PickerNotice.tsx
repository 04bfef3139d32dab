import CircularProgress from '@material-ui/core/CircularProgress';
import InputAdornment from '@material-ui/core/InputAdornment';
import TextField from '@material-ui/core/TextField';
import { errorMessage } from './errorMessage';

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

/**
 * The notice of a picker whose options are still loading, failed to load or
 * are none; undefined once there is something to choose.
 */
export function pickerNotice(
  field: Pick<PickerNoticeProps, 'id' | 'label' | 'required'>,
  load: { loading: boolean; error?: Error; empty: boolean },
  text: { what: string; empty: string },
) {
  const notice = (state: PickerNoticeProps['state'], message: string) => (
    <PickerNotice {...field} state={state} message={message} />
  );
  if (load.loading) return notice('loading', `Loading ${text.what}…`);
  if (load.error) {
    return notice(
      'error',
      `Could not load ${text.what}: ${errorMessage(load.error)}`,
    );
  }
  return load.empty ? notice('empty', text.empty) : undefined;
}
