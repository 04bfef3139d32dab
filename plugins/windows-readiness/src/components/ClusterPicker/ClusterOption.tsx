import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  NOT_ARM_REASON,
  clusterFacts,
  staleHint,
  toClusterChoice,
  type KnownCluster,
} from './clusterChoice';

export interface ClusterOptionProps {
  cluster: KnownCluster;
  now: Date;
}

/** One entry of the cluster list: name, version, location, Windows pools, and why it may not be chosen. */
export function ClusterOption(props: ClusterOptionProps) {
  const { cluster, now } = props;
  const stale = staleHint(cluster, now);
  return (
    <Box data-testid={`cluster-option-${cluster.name}`}>
      <Typography variant="body1">{cluster.name}</Typography>
      <Typography variant="body2" color="textSecondary">
        {clusterFacts(cluster)}
      </Typography>
      {stale && (
        <Typography
          variant="caption"
          display="block"
          title={cluster.collectedAt}
        >
          {stale}
        </Typography>
      )}
      {!toClusterChoice(cluster) && (
        <Typography variant="caption" display="block" color="error">
          Cannot be chosen: {NOT_ARM_REASON}
        </Typography>
      )}
    </Box>
  );
}
