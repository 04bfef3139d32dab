export interface Config {
  windowsReadiness?: {
    /**
     * The scaffolder action aks:nodepool:create. It calls ARM with the
     * credentials of `windowsReadiness.azure` (see the readiness backend).
     */
    nodePoolAction?: {
      /**
       * Seconds between polls of the node pool's long-running operation
       * (each poll is a line in the task log). Default 15.
       * @visibility backend
       */
      pollIntervalSeconds?: number;
    };
  };
}
