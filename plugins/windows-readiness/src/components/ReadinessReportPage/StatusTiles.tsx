import { memo, type ReactNode } from 'react';
import Card from '@material-ui/core/Card';
import CardActionArea from '@material-ui/core/CardActionArea';
import CardContent from '@material-ui/core/CardContent';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  SERVICE_STATUSES,
  type ServiceStatus,
  type StatusCounts,
} from '@winready/plugin-windows-readiness-common';
import { StatusChip } from '../common';

const useStyles = makeStyles(theme => ({
  selected: {
    outline: `2px solid ${theme.palette.primary.main}`,
  },
  count: { fontWeight: theme.typography.fontWeightBold as number },
}));

export interface StatusTilesProps {
  /** Counts under the other filters, so every tile stays meaningful. */
  counts: StatusCounts;
  selected: readonly ServiceStatus[];
  onChange(status: ServiceStatus[] | undefined): void;
  /** What is counted (default `services`). */
  noun?: string;
}

/** One tile per status; a click adds or removes it from the status filter. */
function StatusTilesComponent(props: StatusTilesProps) {
  const { counts, selected, onChange, noun = 'services' } = props;
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  const classes = useStyles();
  const total = SERVICE_STATUSES.reduce((sum, s) => sum + counts[s], 0);
  const toggle = (status: ServiceStatus) => {
    const next = selected.includes(status)
      ? selected.filter(s => s !== status)
      : SERVICE_STATUSES.filter(s => s === status || selected.includes(s));
    onChange(next.length ? next : undefined);
  };
  const tile = (
    key: string,
    label: ReactNode,
    count: number,
    pressed: boolean,
    onClick: () => void,
  ) => (
    <Grid item xs={6} sm={4} md={2} key={key}>
      <Card className={pressed ? classes.selected : undefined}>
        <CardActionArea
          onClick={onClick}
          aria-pressed={pressed}
          data-testid={`status-tile-${key}`}
        >
          <CardContent>
            <Typography variant="body2" component="div">
              {label}
            </Typography>
            <Typography variant="h4" component="div" className={classes.count}>
              {count.toLocaleString('en-US')}
            </Typography>
            <Typography variant="caption" color="textSecondary">
              {total ? `${Math.round((count / total) * 100)}%` : '–'}
            </Typography>
          </CardContent>
        </CardActionArea>
      </Card>
    </Grid>
  );
  return (
    <Grid container spacing={2} role="group" aria-label={`${Noun} by status`}>
      {tile('all', `All ${noun}`, total, selected.length === 0, () =>
        onChange(undefined),
      )}
      {SERVICE_STATUSES.map(status =>
        tile(
          status,
          <StatusChip status={status} />,
          counts[status],
          selected.includes(status),
          () => toggle(status),
        ),
      )}
    </Grid>
  );
}

export const StatusTiles = memo(StatusTilesComponent);
