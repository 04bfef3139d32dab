import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StatusError,
  StatusOK,
} from '@backstage/core-components';
import {
  discoveryApiRef,
  identityApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { CheckResult } from '@backstage-community/plugin-tech-insights-common';
import { TechInsightsClient } from '@backstage-community/plugin-tech-insights-common/client';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import { useEffect, useMemo, useState } from 'react';

/**
 * The entity's Tech Insights checks, run by the tech-insights backend
 * against its stored facts (the Windows readiness ones included): a pass or a
 * fail per check.
 */
export function ScorecardCard() {
  const { entity } = useEntity();
  const discoveryApi = useApi(discoveryApiRef);
  const identityApi = useApi(identityApiRef);
  const client = useMemo(
    () => new TechInsightsClient({ discoveryApi, identityApi }),
    [discoveryApi, identityApi],
  );
  const [state, setState] = useState<{
    results?: CheckResult[];
    error?: Error;
  }>({});
  const ref = getCompoundEntityRef(entity);

  useEffect(() => {
    let current = true;
    client.runChecks(ref).then(
      results => current && setState({ results }),
      error => current && setState({ error }),
    );
    return () => {
      current = false;
    };
    // The ref's parts name the entity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, ref.kind, ref.namespace, ref.name]);

  if (state.error) return <ResponseErrorPanel error={state.error} />;
  return (
    <InfoCard title="Scorecard" subheader="Tech Insights checks">
      {!state.results && <Progress />}
      {state.results?.length === 0 && 'No check has facts for this entity yet.'}
      <List dense>
        {state.results?.map(({ check, result }) => (
          <ListItem key={check.id}>
            <ListItemIcon>
              {result === true ? <StatusOK /> : <StatusError />}
            </ListItemIcon>
            <ListItemText
              primary={`${check.name}: ${
                result === true ? 'passed' : 'failed'
              }`}
              secondary={check.description}
            />
          </ListItem>
        ))}
      </List>
    </InfoCard>
  );
}
