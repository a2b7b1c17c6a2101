/** The shape of a V8 CPU profile (the inspector's Profiler.stop), and its nodes and sample times read once. */

export interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

export interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface ReadProfile {
  readonly byId: ReadonlyMap<number, ProfileNode>;
  /** Each node's parent, by the node's id. */
  readonly parentOf: ReadonlyMap<number, ProfileNode>;
  /** When each sample was taken, in the profile's clock (µs). */
  readonly sampleTimesUs: readonly number[];
}

export function readProfile(profile: Profile): ReadProfile {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, ProfileNode>();
  for (const node of profile.nodes) node.children?.forEach((child) => parentOf.set(child, node));
  const sampleTimesUs: number[] = [];
  let time = profile.startTime;
  for (const delta of profile.timeDeltas) sampleTimesUs.push((time += delta));
  return { byId, parentOf, sampleTimesUs };
}
