import { Navigate } from 'react-router-dom';
import {
  PageBlueprint,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';

/** `/` opens the catalog, which lives at `/catalog` as in every Backstage app. */
const homeRedirect = PageBlueprint.make({
  name: 'home-redirect',
  params: {
    path: '/',
    noHeader: true,
    loader: async () => <Navigate to="/catalog" replace />,
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'app',
  extensions: [homeRedirect],
});
