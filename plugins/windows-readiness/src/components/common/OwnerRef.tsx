import Typography from '@material-ui/core/Typography';
import { parseEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { WorkloadOwnerSource } from '@winready/plugin-windows-readiness-common';

export interface OwnerRefProps {
  owner?: string | null;
  ownerSource?: WorkloadOwnerSource;
}

/**
 * A workload's owner: a link to the group, and whether it comes from the
 * namespace mapping (`windowsReadiness.namespaceOwners`) rather than an entity.
 */
export function OwnerRef(props: OwnerRefProps) {
  const { owner, ownerSource } = props;
  if (!owner) {
    return (
      <Typography variant="body2" color="textSecondary">
        No owner
      </Typography>
    );
  }
  let link;
  try {
    const ref = parseEntityRef(owner, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
    link = <EntityRefLink entityRef={ref} defaultKind="group" hideIcon />;
  } catch {
    // A mapping may name an owner that is no entity ref: show it as written.
    link = owner;
  }
  return (
    <>
      {link}
      {ownerSource === 'namespace' && (
        <Typography variant="caption" display="block" color="textSecondary">
          by its namespace
        </Typography>
      )}
    </>
  );
}
