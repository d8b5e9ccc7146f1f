export { PortalClient, type PortalClientOptions, type PortalHealthResult } from './client';
export { PortalMonitor, type PortalMonitorOptions } from './monitor';
export { PortalHealthSchema, SimFaultsSchema, type PortalHealth, type SimFaults } from './schemas';
export { startSimulator, type Simulator, type SimulatorOptions } from './simulator/simulator';
export type { SimulatorContext } from './simulator/context';
export type { SimulatorRouteRegistrar } from './simulator/routes';
