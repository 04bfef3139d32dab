import { ReactNode } from 'react';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'baseline' },
});

/**
 * A Status* icon (hidden from screen readers, as core-components renders it)
 * followed by a label that stays readable.
 */
export function IconLabel(props: {
  icon: ReactNode;
  children?: ReactNode;
  testId?: string;
}) {
  const classes = useStyles();
  return (
    <span className={classes.root} data-testid={props.testId}>
      {props.icon}
      {props.children !== undefined && <span>{props.children}</span>}
    </span>
  );
}
