import Button from '@material-ui/core/Button';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useEntityReadiness } from '../common';
import { CardBody } from './CardBody';

export interface EntityWindowsReadinessCardProps {
  /** Link to the entity's Windows readiness tab, relative to the entity page. */
  tabPath?: string;
  title?: string;
}

/** The entity overview card: status, what fails, where it can run. */
export function EntityWindowsReadinessCard(
  props: EntityWindowsReadinessCardProps,
) {
  const { tabPath = './windows-readiness', title = 'Windows readiness' } =
    props;
  const { entity } = useEntity();
  const { loading, value, error, notFound, retry } = useEntityReadiness(
    stringifyEntityRef(entity),
  );

  let body: JSX.Element;
  if (loading) {
    body = <Progress />;
  } else if (notFound) {
    body = (
      <EmptyState
        missing="data"
        title="No Windows readiness data"
        description="No Kubernetes workloads of this entity were found in the collected clusters. They are matched through the backstage.io/kubernetes-id label."
      />
    );
  } else if (error) {
    body = (
      <>
        <ResponseErrorPanel error={error} />
        <Button onClick={retry} color="primary">
          Try again
        </Button>
      </>
    );
  } else if (value) {
    body = <CardBody readiness={value} tabPath={tabPath} />;
  } else {
    body = <Progress />;
  }
  return <InfoCard title={title}>{body}</InfoCard>;
}
