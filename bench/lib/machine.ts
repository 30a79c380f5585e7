import { cpus, loadavg } from 'node:os';

/** When a run happened and how loaded the machine was (figures on a shared machine drift). */
export interface MachineNote {
  at: string;
  /** 1, 5 and 15-minute load averages, as `uptime` prints them. */
  load: [number, number, number];
  cpus: number;
}

export function machineNote(): MachineNote {
  const [one, five, fifteen] = loadavg().map((l) => Number(l.toFixed(2)));
  return { at: new Date().toISOString(), load: [one, five, fifteen], cpus: cpus().length };
}

export const describeMachine = (note: MachineNote) =>
  `${note.at}, load ${note.load.join(' / ')} on ${note.cpus} cores`;
