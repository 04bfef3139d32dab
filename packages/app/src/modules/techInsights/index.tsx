import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isWindowsReadinessAvailable } from '@winready/plugin-windows-readiness';

/**
 * The Tech Insights scorecard on the entity page. The Tech Insights frontend
 * (`@backstage-community/plugin-tech-insights`) is not on the registry this
 * repository installs from, so the card is this app's own, on the same
 * backend API through the client the common package ships.
 */
const scorecardCard = EntityCardBlueprint.make({
  name: 'tech-insights-scorecard',
  params: {
    filter: isWindowsReadinessAvailable,
    loader: () => import('./ScorecardCard').then(m => <m.ScorecardCard />),
  },
});

export const techInsightsModule = createFrontendModule({
  pluginId: 'app',
  extensions: [scorecardCard],
});
