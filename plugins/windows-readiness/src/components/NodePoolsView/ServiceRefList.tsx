import { useState } from 'react';
import MuiLink from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { parseEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyle: 'none' },
});

function ServiceRef(props: { value: string }) {
  try {
    // The backend names services by entity ref; the CLI by kubernetes-id.
    const ref = parseEntityRef(props.value, {
      defaultKind: 'component',
      defaultNamespace: 'default',
    });
    return <EntityRefLink entityRef={ref} defaultKind="component" hideIcon />;
  } catch {
    return <>{props.value}</>;
  }
}

export interface ServiceRefListProps {
  services: readonly string[];
  /** How many to show before "Show all" (a pool may carry thousands). */
  limit?: number;
  empty?: string;
}

/** Entity links to services, the first `limit` of them until expanded. */
export function ServiceRefList(props: ServiceRefListProps) {
  const { services, limit = 8, empty = 'None' } = props;
  const classes = useStyles();
  const [expanded, setExpanded] = useState(false);
  if (!services.length) {
    return (
      <Typography variant="body2" color="textSecondary">
        {empty}
      </Typography>
    );
  }
  const shown = expanded ? services : services.slice(0, limit);
  return (
    <>
      <ul className={classes.list}>
        {shown.map(service => (
          <li key={service}>
            <ServiceRef value={service} />
          </li>
        ))}
      </ul>
      {services.length > limit && (
        <MuiLink
          component="button"
          variant="body2"
          onClick={() => setExpanded(!expanded)}
        >
          {expanded
            ? 'Show fewer'
            : `Show all ${services.length.toLocaleString('en-US')}`}
        </MuiLink>
      )}
    </>
  );
}
