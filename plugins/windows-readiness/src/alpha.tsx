import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import DesktopWindowsIcon from '@material-ui/icons/DesktopWindows';
import { WindowsReadinessClient, windowsReadinessApiRef } from './api';
import { isWindowsReadinessAvailable } from './conditions';

export { windowsReadinessScaffolderModule } from './alpha/scaffolderModule';

const windowsReadinessApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: windowsReadinessApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new WindowsReadinessClient(deps),
    }),
});

/** The report page: with a route ref, the app's sidebar lists it. */
export const windowsReadinessRouteRef = createRouteRef();

const reportPage = PageBlueprint.make({
  params: {
    path: '/windows-readiness',
    routeRef: windowsReadinessRouteRef,
    title: 'Windows readiness',
    icon: <DesktopWindowsIcon />,
    // The page has its own header (title, subtitle, the views' tabs).
    noHeader: true,
    loader: () =>
      import('./components/ReadinessReportPage').then(m => (
        <m.ReadinessReportPage />
      )),
  },
});

const entityCard = EntityCardBlueprint.make({
  params: {
    filter: isWindowsReadinessAvailable,
    loader: () =>
      import('./components/EntityWindowsReadinessCard').then(m => (
        <m.EntityWindowsReadinessCard />
      )),
  },
});

const entityContent = EntityContentBlueprint.make({
  params: {
    path: 'windows-readiness',
    title: 'Windows readiness',
    filter: isWindowsReadinessAvailable,
    loader: () =>
      import('./components/EntityWindowsReadinessContent').then(m => (
        <m.EntityWindowsReadinessContent />
      )),
  },
});

/** The Windows readiness plugin for the new frontend system. */
export default createFrontendPlugin({
  pluginId: 'windows-readiness',
  title: 'Windows readiness',
  icon: <DesktopWindowsIcon />,
  routes: { root: windowsReadinessRouteRef },
  extensions: [windowsReadinessApi, reportPage, entityCard, entityContent],
});
