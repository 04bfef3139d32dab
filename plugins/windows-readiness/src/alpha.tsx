import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
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

const reportPage = PageBlueprint.make({
  params: {
    path: '/windows-readiness',
    title: 'Windows readiness',
    icon: <DesktopWindowsIcon />,
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
  extensions: [windowsReadinessApi, reportPage, entityCard, entityContent],
});
