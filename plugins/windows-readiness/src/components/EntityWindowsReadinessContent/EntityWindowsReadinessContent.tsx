import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useEntityReadiness } from '../common';
import { ReadinessDetails } from './ReadinessDetails';

export interface EntityWindowsReadinessContentProps {
  /** Only these OS SKUs in the what-ifs (default: every one AKS would accept for the pool). */
  targetOsSkus?: string[];
}

/** The entity's Windows readiness tab: every check, its evidence, what-ifs and history. */
export function EntityWindowsReadinessContent(
  props: EntityWindowsReadinessContentProps,
) {
  const { targetOsSkus } = props;
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const { loading, value, error, notFound, retry } =
    useEntityReadiness(entityRef);

  if (loading) return <Progress />;
  if (notFound) {
    return (
      <EmptyState
        missing="data"
        title="No Windows readiness data"
        description="No Kubernetes workloads of this entity were found in the collected clusters. They are matched through the backstage.io/kubernetes-id label, as the Kubernetes plugin does."
      />
    );
  }
  if (error) {
    return (
      <Box>
        <ResponseErrorPanel error={error} />
        <Button onClick={retry} color="primary">
          Try again
        </Button>
      </Box>
    );
  }
  if (!value) return <Progress />;
  return (
    <ReadinessDetails
      readiness={value}
      entityRef={entityRef}
      targetOsSkus={targetOsSkus}
    />
  );
}
