import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import type { EntityReadinessResponse } from '@winready/plugin-windows-readiness-common';
import {
  CheckResultIcon,
  DataFreshness,
  StatusChip,
  checkTitle,
} from '../common';
import { runnablePools } from './runnablePools';

const CLAMPED = {
  whiteSpace: 'normal',
  overflowWrap: 'anywhere',
  display: '-webkit-box',
  WebkitLineClamp: 3,
  WebkitBoxOrient: 'vertical',
  overflow: 'hidden',
} as const;

export function CardBody(props: {
  readiness: EntityReadinessResponse;
  tabPath: string;
}) {
  const { readiness, tabPath } = props;
  const checks = readiness.result.checks;
  // What to fix first: failures, then warnings, then what could not be told.
  const problems = (['fail', 'warn', 'unknown'] as const).flatMap(result =>
    checks.filter(c => c.result === result),
  );
  const pools = runnablePools(readiness.result);
  return (
    <Box>
      <Typography variant="h6" component="p">
        <StatusChip status={readiness.status} sentence />
      </Typography>
      {problems.length > 0 && (
        <List dense aria-label="Checks that need attention">
          {problems.map(check => (
            <ListItem key={check.id} disableGutters alignItems="flex-start">
              <ListItemIcon>
                <CheckResultIcon result={check.result} />
              </ListItemIcon>
              <ListItemText
                primary={checkTitle(check.id)}
                secondaryTypographyProps={{ component: 'div' }}
                secondary={
                  <>
                    {/* Whole lines, three at most (the tab has the rest);
                        long image references wrap inside the card. */}
                    <div title={check.message} style={CLAMPED}>
                      {check.message}
                    </div>
                    {/* What could not be told is only half: say what settles it. */}
                    {check.result === 'unknown' && check.remediation && (
                      <div data-testid={`settle-${check.id}`}>
                        {check.remediation.summary}
                      </div>
                    )}
                  </>
                }
              />
            </ListItem>
          ))}
        </List>
      )}
      <Box mt={2}>
        <Typography variant="subtitle2">Pools it can run on</Typography>
        {pools.map(({ cluster, pools: names }) => (
          <Typography key={cluster} variant="body2">
            {cluster}: {names.length ? names.join(', ') : 'none'}
          </Typography>
        ))}
      </Box>
      <Box mt={2}>
        <DataFreshness
          clusterStates={readiness.clusterStates}
          evaluatedAt={readiness.evaluatedAt}
        />
      </Box>
      <Box mt={2}>
        <Link to={tabPath}>See every check, the evidence and what-ifs</Link>
      </Box>
    </Box>
  );
}
