export interface Config {
  windowsReadiness?: {
    /** The embedded demo (`yarn start`): a fleet file served by the AKS simulator. */
    demo?: {
      /** Path of the fleet file, relative to packages/backend. */
      fleetFile?: string;
      /** Port of the simulator on 127.0.0.1; default any free one. */
      port?: number;
    };
  };
}
