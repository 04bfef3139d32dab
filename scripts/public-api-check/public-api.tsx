// Compiled by scripts/pack-check.mjs next to the unpacked tarballs, so every
// import below resolves to the dist .d.ts adopters install, with skipLibCheck
// off and declarations emitted (tsconfig.json beside this file). It imports
// every public entry point of every publishable package and uses each the way
// the README does; the CLI ships no types and is run instead.
import { createBackend } from '@backstage/backend-defaults';
import { createApp } from '@backstage/frontend-defaults';
import * as simulator from '@winready/aks-simulator';
import * as scaffolderModule from '@winready/plugin-scaffolder-backend-module-aks';
import * as techInsightsModule from '@winready/plugin-tech-insights-backend-module-windows-readiness';
import * as windowsReadiness from '@winready/plugin-windows-readiness';
import windowsReadinessPlugin, {
  windowsReadinessRouteRef,
  windowsReadinessScaffolderModule,
} from '@winready/plugin-windows-readiness/alpha';
import * as backendPlugin from '@winready/plugin-windows-readiness-backend';
import { windowsReadinessTestFeatures } from '@winready/plugin-windows-readiness-backend/testUtils';
import * as common from '@winready/plugin-windows-readiness-common';
import * as sources from '@winready/plugin-windows-readiness-node';

// --- The backend: both features, added as the README adds them.
export function addWinready(backend: ReturnType<typeof createBackend>) {
  backend.add(import('@winready/plugin-windows-readiness-backend'));
  backend.add(import('@winready/plugin-scaffolder-backend-module-aks'));
  backend.add(
    import('@winready/plugin-tech-insights-backend-module-windows-readiness'),
  );
}

// --- Another plugin's test backend with the readiness plugin beside it.
export const readinessForTests = windowsReadinessTestFeatures({
  now: new Date('2026-11-27T12:00:00Z'),
});

// --- The new frontend system: the plugin and the scaffolder fields as features.
export const app = createApp({
  features: [windowsReadinessPlugin, windowsReadinessScaffolderModule],
});
export const reportRoute = windowsReadinessRouteRef;

// --- The legacy frontend system: the components, with their props.
export const card = <windowsReadiness.EntityWindowsReadinessCard title="x" />;
export const tab = <windowsReadiness.EntityWindowsReadinessContent />;
export const page = <windowsReadiness.WindowsReadinessReportPage />;

// Inferred types that the emitted declarations must name: without the props
// types exported from the package this fails with TS4023, as adopter code did.
const propsOf = <P,>(_component: (props: P) => unknown): P => ({} as P);
export const cardProps = propsOf(windowsReadiness.EntityWindowsReadinessCard);
export const tabProps = propsOf(windowsReadiness.EntityWindowsReadinessContent);
export const pageProps = propsOf(windowsReadiness.WindowsReadinessReportPage);

export const entryPoints = {
  simulator,
  scaffolderModule,
  techInsightsModule,
  windowsReadiness,
  backendPlugin,
  common,
  sources,
};
