import { createRouteRef } from '@backstage/core-plugin-api';

/** The org-wide report page (legacy frontend system). */
export const rootRouteRef = createRouteRef({ id: 'windows-readiness' });
