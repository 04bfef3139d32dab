import { createBackendModule } from '@backstage/backend-plugin-api';
import { techInsightsFactRetrieversExtensionPoint } from '@backstage-community/plugin-tech-insights-node';
import {
  WINDOWS_READINESS_FACT_RETRIEVER_ID,
  windowsReadinessFactRetriever,
} from './factRetriever';

/**
 * Adds the Windows readiness fact retriever to the tech-insights backend; it
 * runs where `techInsights.factRetrievers.windowsReadinessFactRetriever`
 * gives its cadence and lifecycle, as every retriever does.
 */
export const techInsightsModuleWindowsReadiness = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'windows-readiness',
  register(env) {
    env.registerInit({
      deps: { retrievers: techInsightsFactRetrieversExtensionPoint },
      async init({ retrievers }) {
        retrievers.addFactRetrievers({
          [WINDOWS_READINESS_FACT_RETRIEVER_ID]: windowsReadinessFactRetriever,
        });
      },
    });
  },
});
