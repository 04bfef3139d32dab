import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import userSettingsPlugin from '@backstage/plugin-user-settings/alpha';
import kubernetesPlugin from '@backstage/plugin-kubernetes/alpha';
import orgPlugin from '@backstage/plugin-org/alpha';
import signalsPlugin from '@backstage/plugin-signals/alpha';
import notificationsPlugin from '@backstage/plugin-notifications/alpha';
import windowsReadinessPlugin, {
  windowsReadinessScaffolderModule,
} from '@winready/plugin-windows-readiness/alpha';
import { homeModule } from './modules/home';
import { navModule } from './modules/nav';
import { techInsightsModule } from './modules/techInsights';

/** Every plugin and module of the app (exported for tests). */
export const appFeatures = [
  catalogPlugin,
  scaffolderPlugin,
  userSettingsPlugin,
  kubernetesPlugin,
  orgPlugin,
  signalsPlugin,
  notificationsPlugin,
  windowsReadinessPlugin,
  windowsReadinessScaffolderModule,
  techInsightsModule,
  navModule,
  homeModule,
];

export default createApp({ features: appFeatures });
