/**
 * A Tech Insights fact retriever for Windows readiness on AKS: per entity,
 * its status, failing and unknown checks, the pools it runs on, their
 * earliest retirement and node image deletion dates with the days until each,
 * and whether it survives the next OS SKU.
 *
 * @packageDocumentation
 */

export { techInsightsModuleWindowsReadiness as default } from './module';
export {
  WINDOWS_READINESS_FACT_RETRIEVER_ID,
  toTechInsightFact,
  windowsReadinessFactRetriever,
  windowsReadinessFactSchema,
} from './factRetriever';
