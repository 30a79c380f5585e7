export { createBoss } from './boss.ts';
export {
  defineJob,
  JobPayloadError,
  type JobDefinition,
  type JobRetry,
  type JobRun,
  type JobSchedule,
} from './define.ts';
export { registerJobs, sendJob, type SendOptions } from './runner.ts';
