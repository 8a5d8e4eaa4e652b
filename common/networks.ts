/** The networks the registry knows, in the order they are shown: the one list server and dashboard share. */
export const NETWORKS = ['teaching-schools', 'nles', 'hubs'] as const;
export type NetworkId = (typeof NETWORKS)[number];
