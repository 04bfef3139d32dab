import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
// aks:nodepool:create, used by the Windows node pool template.
backend.add(import('@winready/plugin-scaffolder-backend-module-aks'));
backend.add(import('@backstage/plugin-kubernetes-backend'));
backend.add(import('@backstage/plugin-mcp-actions-backend'));
backend.add(import('@backstage/plugin-signals-backend'));
// Notifications to the owners of services (windowsReadiness.notifications).
backend.add(import('@backstage/plugin-notifications-backend'));
// Scorecards: Tech Insights, its json-rules-engine checks and the Windows
// readiness facts (techInsights in app-config.yaml).
backend.add(import('@backstage-community/plugin-tech-insights-backend'));
backend.add(
  import('@backstage-community/plugin-tech-insights-backend-module-jsonfc'),
);
backend.add(
  import('@winready/plugin-tech-insights-backend-module-windows-readiness'),
);
// Stores the user settings the app's settings page and sidebar read.
backend.add(import('@backstage/plugin-user-settings-backend'));

backend.add(import('@winready/plugin-windows-readiness-backend'));
// The embedded demo: serves windowsReadiness.demo.fleetFile from the AKS simulator.
backend.add(import('./modules/demoSimulator'));
backend.add(import('./modules/demoNodePools'));

backend.start();
